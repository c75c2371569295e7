package org.dermread.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.testing.DermReadTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo mode only when asked for, and never a demo administrator (issue 12, finding 7). */
@DermReadTest
class DemoModeTest {

    @Autowired
    AccountBootstrap bootstrap;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demo_mode_is_on_only_when_asked_for() {
        Path file = Path.of("target", "demo.txt");
        assertThat(new DemoMode(new DemoProperties(DemoProperties.Mode.OFF, file), new DefaultApplicationArguments())
                .on()).isFalse();
        assertThat(new DemoMode(new DemoProperties(DemoProperties.Mode.OFF, file),
                new DefaultApplicationArguments("--demo")).on()).isTrue();
        assertThat(new DemoMode(new DemoProperties(DemoProperties.Mode.ON, file), new DefaultApplicationArguments())
                .on()).isTrue();
    }

    @Test
    void demo_mode_creates_no_administrator() {
        bootstrap.ensureDemoAccounts(PasswordPolicy.generate());

        assertThat(AccountBootstrap.DEMO_ACCOUNTS).noneMatch(account -> account.roles().contains(Role.ADMIN));
        assertThat(jdbc.sql("""
                        select count(*) from account a join account_role r on r.account_id = a.id
                         where a.demo and a.enabled and r.role = 'ADMIN'
                        """).query(Integer.class).single()).isZero();
    }

    @Test
    void a_demo_administrator_left_by_an_older_version_is_disabled_at_start() {
        Account old = accounts.insertNew(new NewAccount("demo-admin-" + System.nanoTime(), "Demo administrator", null,
                EnumSet.of(Role.ADMIN)), "{noop}irrelevant", false, true);

        assertThat(bootstrap.disableDemoAdministrators()).contains(old.username());

        assertThat(accounts.findById(old.id()).orElseThrow().enabled()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.disabled' and target = :u")
                .param("u", old.username()).query(Integer.class).single()).isEqualTo(1);
    }
}
