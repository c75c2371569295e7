package org.dermread.accounts;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made before anyone can sign in: the first administrator, and demo accounts when demo mode asks. There is
 * no demo administrator: demo accounts share one password that is never forced to change.
 */
@Component
public class AccountBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /** One demo account per role but the administrator's. */
    public static final List<NewAccount> DEMO_ACCOUNTS = List.of(
            new NewAccount("demo-coordinator", "Demo coordinator", null, EnumSet.of(Role.COORDINATOR)),
            new NewAccount("demo-statistician", "Demo statistician", null, EnumSet.of(Role.STATISTICIAN)),
            new NewAccount("demo-reader", "Demo reader", null, EnumSet.of(Role.READER)));

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final BootstrapProperties properties;
    private final AuditLog audit;

    public AccountBootstrap(AccountRepository accounts, PasswordEncoder passwordEncoder,
            BootstrapProperties properties, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.audit = audit;
    }

    public boolean noAccounts() {
        return accounts.count() == 0;
    }

    /** Creates the first administrator if there is no account at all. Its password must be changed at first use. */
    @Transactional
    public void ensureInitialAdmin() {
        if (!noAccounts()) {
            return;
        }
        boolean given = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = given ? properties.adminPassword() : PasswordPolicy.generate();
        accounts.insertNew(new NewAccount(properties.adminUsername(), "Administrator", null, Set.of(Role.ADMIN)),
                passwordEncoder.encode(password), true, false);
        if (given) {
            log.info("Created the first administrator '{}' with the password from DERMREAD_BOOTSTRAP_ADMIN_PASSWORD;"
                    + " it must be changed at first sign-in.", properties.adminUsername());
        } else {
            // Shown exactly once, by design: the hash is all that is stored. Written to the console only, never
            // through the logger, so that it does not stay in the log file (which may be shipped elsewhere).
            PrintStream console = System.out;
            console.println("""

                    ============================================================
                     First start: created administrator '%s'
                     One-time password: %s
                     It must be changed at first sign-in and is not shown again.
                    ============================================================
                    """.formatted(properties.adminUsername(), password));
            console.flush();
            log.warn("First start: created administrator '{}'; its one-time password was printed on the console"
                    + " (standard output), not into the log", properties.adminUsername());
        }
    }

    /** Creates the missing demo accounts, all with the given password, no forced change. Returns those created. */
    @Transactional
    public List<String> ensureDemoAccounts(String password) {
        return DEMO_ACCOUNTS.stream()
                .filter(account -> !accounts.usernameTaken(account.username()))
                .map(account -> accounts.insertNew(account, passwordEncoder.encode(password), false, true).username())
                .toList();
    }

    public boolean demoAccountsExist() {
        return accounts.anyDemoAccount();
    }

    /**
     * Disables every enabled demo account that holds the administrator role (older versions made {@code demo-admin})
     * and ends its sessions; returns their names.
     */
    @Transactional
    public List<String> disableDemoAdministrators() {
        List<String> disabled = accounts.findAll().stream()
                .filter(account -> account.demo() && account.enabled() && account.hasRole(Role.ADMIN))
                .map(account -> {
                    accounts.updateEnabled(account.id(), false);
                    accounts.bumpSecurityVersion(account.id());
                    audit.recordAs("system", "user.disabled", account.username(),
                            "a demo account may not be an administrator");
                    return account.username();
                })
                .toList();
        return disabled;
    }
}
