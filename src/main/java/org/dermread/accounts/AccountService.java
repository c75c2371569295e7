package org.dermread.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Accounts: creation, password resets and changes, roles, language. Owns the security checks: admins manage
 * everyone; coordinators create readers and reset the passwords of readers taking part in a study they coordinate
 * (never of statisticians, coordinators or admins, whose rights reach further than the coordinator's own);
 * everyone changes their own password. Every change of roles, status or password ends the account's other sessions.
 */
@Service
public class AccountService {

    /** Roles a coordinator may hand out. */
    static final Set<Role> COORDINATOR_MANAGED = EnumSet.of(Role.READER);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ObjectProvider<ReaderOversight> oversight;

    public AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog audit,
            LoginThrottle throttle, ObjectProvider<ReaderOversight> oversight) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.throttle = throttle;
        this.oversight = oversight;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public CreatedAccount create(NewAccount account) {
        if (!CurrentUser.hasRole(Role.ADMIN) && !COORDINATOR_MANAGED.containsAll(account.roles())) {
            throw new AccountException("account.error.coordinator-roles");
        }
        String password = PasswordPolicy.generate();
        Account created = accounts.insertNew(account, passwordEncoder.encode(password), true, false);
        audit.record("user.created", created.username(), "roles " + created.roles());
        return new CreatedAccount(created, password);
    }

    /**
     * Sets a new one-time password and returns it. Administrators reset anyone but themselves; a coordinator resets
     * only accounts that are readers and nothing else and that take part in a study the coordinator coordinates.
     * The owner finds a notice at their next sign-in, and their open sessions end.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public String resetPassword(AccountId id) {
        Account account = rescuable(id, "account.error.reset-self");
        String actor = CurrentUser.username().orElse("system");
        String password = PasswordPolicy.generate();
        accounts.updatePassword(id, passwordEncoder.encode(password), true);
        accounts.bumpSecurityVersion(id);
        accounts.addNotice(id, AccountNotice.Kind.PASSWORD_RESET.name(), actor);
        // The owner is about to sign in with the new password: a delay left by earlier guesses must not hold them.
        boolean lifted = throttle.lift(account);
        audit.record("user.password-reset", account.username(), "by " + actor + "; the owner is told at next sign-in"
                + (lifted ? "; sign-in delay lifted" : ""));
        return password;
    }

    /**
     * Lifts every sign-in delay on the account (see {@link LoginThrottle}): for an owner who mistyped their
     * password too often. The same people may do this as may reset the password.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void unlock(AccountId id) {
        Account account = rescuable(id, "account.error.unlock-self");
        if (!throttle.lift(account)) {
            throw new AccountException("account.error.not-locked", account.username());
        }
        audit.record("user.unlocked", account.username(), "sign-in delay lifted");
    }

    /** Until when sign-ins to each account are being delayed; accounts without a delay are absent. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Map<AccountId, Instant> signInDelays() {
        return throttle.delayedAccounts(accounts.findAll());
    }

    private Account rescuable(AccountId id, String selfKey) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException("account.error.not-found"));
        if (isMe(account)) {
            throw new AccountException(selfKey);
        }
        if (!mayReset(account)) {
            throw new AccountException(account.roles().equals(Set.of(Role.READER))
                    ? "account.error.reset-not-your-reader" : "account.error.reset-admin-only");
        }
        return account;
    }

    /** Whether the signed-in person may reset this account's password (see {@link #resetPassword}). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public boolean mayResetPassword(AccountId id) {
        return accounts.findById(id).filter(account -> !isMe(account) && mayReset(account)).isPresent();
    }

    private boolean mayReset(Account account) {
        if (CurrentUser.hasRole(Role.ADMIN)) {
            return true;
        }
        if (!account.roles().equals(Set.of(Role.READER))) {
            return false;
        }
        ReaderOversight readers = oversight.getIfAvailable();
        return readers != null && readers.signedInCoordinatorOversees(account.id());
    }

    /**
     * Changes the signed-in person's own password. The current password is checked under a throttle (repeated
     * wrong guesses from an open session are delayed as sign-ins are); the account's other sessions end, this one
     * goes on.
     */
    @Transactional(noRollbackFor = AccountException.class)
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account me = currentAccount();
        if (!throttle.passwordChangeAllowed(me.id())) {
            throw new AccountException("password.error.too-many-attempts");
        }
        String hash = accounts.passwordHash(me.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throttle.passwordChangeFailed(me.id());
            audit.record("user.password-change-failed", me.username(), "wrong current password");
            throw new AccountException("password.error.current-wrong");
        }
        throttle.passwordChangeSucceeded(me.id());
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountException("password.error.same-as-current");
        }
        PasswordPolicy.check(me.username(), newPassword);
        accounts.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
        int version = accounts.bumpSecurityVersion(me.id());
        keepThisSession(version);
        audit.record("user.password-changed", me.username(), "other sessions ended");
    }

    /** Moves the current session to the account's new security version, so that only the other sessions end. */
    private static void keepThisSession(int version) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication current = context.getAuthentication();
        if (current == null || !(current.getDetails() instanceof SignInDetails details)) {
            return;
        }
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(
                current.getPrincipal(), null, current.getAuthorities());
        renewed.setDetails(details.withVersion(version));
        context.setAuthentication(renewed);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context,
                    RequestAttributes.SCOPE_SESSION);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Account currentAccount() {
        String username = CurrentUser.username().orElseThrow(() -> new AccessDeniedException("not signed in"));
        return accounts.findByUsername(username).orElseThrow(() -> new AccessDeniedException("account gone"));
    }

    /** What the signed-in person has not been told yet (a password someone else reset). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AccountNotice> myNotices() {
        return accounts.unseenNotices(currentAccount().id());
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void dismissMyNotices() {
        accounts.markNoticesSeen(currentAccount().id());
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

    /** Replaces an account's roles; its open sessions end (a removed role must not outlive the change). */
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
        accounts.bumpSecurityVersion(id);
        audit.record("user.roles", account.username(), "roles " + roles + "; open sessions ended");
    }

    /** Enables or disables an account; disabling ends its open sessions. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(AccountId id, boolean enabled) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountException("account.error.not-found"));
        if (isMe(account) && !enabled) {
            throw new AccountException("account.error.disable-self");
        }
        accounts.updateEnabled(id, enabled);
        accounts.bumpSecurityVersion(id);
        audit.record(enabled ? "user.enabled" : "user.disabled", account.username(), null);
    }

    private static boolean isMe(Account account) {
        return CurrentUser.username().map(account.username()::equalsIgnoreCase).orElse(false);
    }
}
