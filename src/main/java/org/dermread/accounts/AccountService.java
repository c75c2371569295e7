package org.dermread.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.audit.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creation, password resets and changes, roles, language. Owns the security checks: admins manage
 * everyone; coordinators create and reset readers and statisticians only; everyone changes their own password.
 */
@Service
public class AccountService {

    /** Roles a coordinator may hand out or manage. */
    static final Set<Role> COORDINATOR_MANAGED = EnumSet.of(Role.READER, Role.STATISTICIAN);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    public AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public CreatedAccount create(NewAccount account) {
        requireMayManage(account.roles());
        String password = PasswordPolicy.generate();
        Account created = accounts.insertNew(account, passwordEncoder.encode(password), true, false);
        audit.record("user.created", created.username(), "roles " + created.roles());
        return new CreatedAccount(created, password);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public String resetPassword(AccountId id) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException("account.error.not-found"));
        requireMayManage(account.roles());
        if (CurrentUser.username().map(account.username()::equalsIgnoreCase).orElse(false)) {
            throw new AccountException("account.error.reset-self");
        }
        String password = PasswordPolicy.generate();
        accounts.updatePassword(id, passwordEncoder.encode(password), true);
        audit.record("user.password-reset", account.username(), null);
        return password;
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account me = currentAccount();
        String hash = accounts.passwordHash(me.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new AccountException("password.error.current-wrong");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountException("password.error.same-as-current");
        }
        PasswordPolicy.check(me.username(), newPassword);
        accounts.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
        audit.record("user.password-changed", me.username(), null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Account currentAccount() {
        String username = CurrentUser.username().orElseThrow(() -> new AccessDeniedException("not signed in"));
        return accounts.findByUsername(username).orElseThrow(() -> new AccessDeniedException("account gone"));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeOwnLocale(Locale locale) {
        accounts.updateLocale(currentAccount().id(), locale);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<Account> list() {
        return accounts.findAll();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setRoles(AccountId id, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new AccountException("account.error.no-role");
        }
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException("account.error.not-found"));
        if (isMe(account) && !roles.contains(Role.ADMIN)) {
            throw new AccountException("account.error.demote-self");
        }
        accounts.replaceRoles(id, roles);
        audit.record("user.roles", account.username(), "roles " + roles);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(AccountId id, boolean enabled) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException("account.error.not-found"));
        if (isMe(account) && !enabled) {
            throw new AccountException("account.error.disable-self");
        }
        accounts.updateEnabled(id, enabled);
        audit.record(enabled ? "user.enabled" : "user.disabled", account.username(), null);
    }

    private static boolean isMe(Account account) {
        return CurrentUser.username().map(account.username()::equalsIgnoreCase).orElse(false);
    }

    private static void requireMayManage(Set<Role> roles) {
        if (!CurrentUser.hasRole(Role.ADMIN) && !COORDINATOR_MANAGED.containsAll(roles)) {
            throw new AccountException("account.error.coordinator-roles");
        }
    }
}
