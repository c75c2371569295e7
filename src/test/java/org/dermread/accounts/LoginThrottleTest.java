package org.dermread.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in through the real filter chain (form login, CSRF on), counted and locked after repeated failures. */
@DermReadTest
@AutoConfigureMockMvc
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_one_and_every_attempt_is_audited()
            throws Exception {
        Account reader = accounts.create("throttled", Role.READER);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(formLogin("/login").user(reader.username()).password("wrong-" + i))
                    .andExpect(unauthenticated());
        }

        mvc.perform(formLogin("/login").user(reader.username()).password(TestAccounts.PASSWORD))
                .andExpect(unauthenticated());

        assertThat(audit(reader, "signin.failed")).isEqualTo(LoginThrottle.MAX_FAILURES + 1);
        assertThat(audit(reader, "signin.locked")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%wrong-%'").query(Integer.class)
                .single()).as("no password in the audit log").isZero();

        jdbc.sql("update account set locked_until = now() - interval '1 second' where id = :id")
                .param("id", reader.id().value()).update();
        mvc.perform(formLogin("/login").user(reader.username()).password(TestAccounts.PASSWORD))
                .andExpect(authenticated().withUsername(reader.username()));
        assertThat(jdbc.sql("select failed_logins from account where id = :id").param("id", reader.id().value())
                .query(Integer.class).single()).isZero();
    }

    private int audit(Account account, String action) {
        return jdbc.sql("select count(*) from audit_event where action = :a and actor = :u")
                .param("a", action).param("u", account.username()).query(Integer.class).single();
    }
}
