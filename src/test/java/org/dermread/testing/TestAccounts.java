package org.dermread.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dermread.accounts.Account;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.dermread.accounts.internal.AccountRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates accounts with known passwords for tests, bypassing the UI's security checks. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Test-Password-123";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    public TestAccounts(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A new account with a unique user name starting with {@code prefix}, password {@link #PASSWORD}. */
    public Account create(String prefix, boolean mustChangePassword, Role... roles) {
        String username = prefix + "-" + COUNTER.incrementAndGet();
        return accounts.insertNew(new NewAccount(username, "Test " + username, null, EnumSet.copyOf(List.of(roles))),
                encoder.encode(PASSWORD), mustChangePassword, false);
    }

    public Account create(String prefix, Role... roles) {
        return create(prefix, false, roles);
    }
}
