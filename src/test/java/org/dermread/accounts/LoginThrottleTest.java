package org.dermread.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in through the real filter chain (form login, CSRF on) against guessing, lock-out as a weapon, user
 * enumeration by timing and a flooded audit log (issue 12, findings 3, 9 and 11). A counting password encoder shows
 * that every path does the same bcrypt work; a coarse timing ratio backs it up.
 */
@DermReadTest
@AutoConfigureMockMvc
@Import(LoginThrottleTest.CountingEncoderConfiguration.class)
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CountingPasswordEncoder encoder;
    @Autowired
    AccountService accountService;

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void wrong_passwords_from_one_address_delay_that_address_while_the_owner_signs_in_from_another() throws Exception {
        Account reader = accounts.create("victim", Role.READER);
        String attacker = address();
        for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
            signIn(reader.username(), "wrong-" + i, attacker).andExpect(unauthenticated());
        }

        signIn(reader.username(), TestAccounts.PASSWORD, attacker).andExpect(unauthenticated());
        signIn(reader.username(), TestAccounts.PASSWORD, address())
                .andExpect(authenticated().withUsername(reader.username()));
    }

    @Test
    void the_delay_ends_grows_with_each_further_failure_and_the_counter_resets_after_a_quiet_hour()
            throws Exception {
        Account reader = accounts.create("delayed", Role.READER);
        String attacker = address();
        for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
            signIn(reader.username(), "wrong-" + i, attacker);
        }
        String pair = LoginThrottle.keys(reader.username(), attacker).pair();
        assertThat(delayLeftSeconds(pair)).isBetween(20.0, 30.0);

        expireDelay(pair);
        signIn(reader.username(), "wrong-again", attacker).andExpect(unauthenticated());
        assertThat(delayLeftSeconds(pair)).as("the next failure doubles the delay").isBetween(50.0, 60.0);

        jdbc.sql("update signin_throttle set last_failure_at = now() - interval '2 hours', "
                + "blocked_until = now() - interval '1 hour' where throttle_key = :k").param("k", pair).update();
        signIn(reader.username(), "wrong-after-a-quiet-hour", attacker).andExpect(unauthenticated());
        assertThat(failures(pair)).as("a quiet hour resets the counter").isEqualTo(1);
        assertThat(delayLeftSeconds(pair)).isZero();

        signIn(reader.username(), TestAccounts.PASSWORD, attacker).andExpect(authenticated());
        assertThat(failures(pair)).as("a successful sign-in clears the counter").isZero();
    }

    @Test
    void guessing_one_name_from_many_addresses_delays_those_addresses_but_not_the_owners() throws Exception {
        Account reader = accounts.create("spread", Role.READER);
        List<String> attackers = new ArrayList<>();
        for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            attackers.add(address());
            signIn(reader.username(), "guess-" + i, attackers.get(i)).andExpect(unauthenticated());
        }

        signIn(reader.username(), TestAccounts.PASSWORD, attackers.get(0)).andExpect(unauthenticated());
        signIn(reader.username(), TestAccounts.PASSWORD, address())
                .andExpect(authenticated().withUsername(reader.username()));
    }

    @Test
    void spraying_many_names_from_one_address_delays_that_address() throws Exception {
        Account reader = accounts.create("sprayed", Role.READER);
        String sprayer = address();
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            signIn("nobody-" + i, "Summer2026!!", sprayer).andExpect(unauthenticated());
        }

        signIn(reader.username(), TestAccounts.PASSWORD, sprayer).andExpect(unauthenticated());
        signIn(reader.username(), TestAccounts.PASSWORD, address()).andExpect(authenticated());
    }

    @Test
    void every_refusal_checks_exactly_one_password_hash_and_none_answers_much_faster() throws Exception {
        Account known = accounts.create("timed", Role.READER);
        Account disabled = accounts.create("timed-disabled", Role.READER);
        jdbc.sql("update account set enabled = false where id = :id").param("id", disabled.id().value()).update();
        Account delayed = accounts.create("timed-delayed", Role.READER);
        String delayedFrom = address();
        for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
            signIn(delayed.username(), "wrong-" + i, delayedFrom);
        }
        String sprayer = address();
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            signIn("spray-" + i, "wrong", sprayer);
        }

        Map<String, Attempt> paths = new LinkedHashMap<>();
        paths.put("unknown user", () -> signIn("no-such-user-" + System.nanoTime(), "whatever-1", address()));
        paths.put("wrong password", () -> signIn(known.username(), "wrong-password", address()));
        paths.put("disabled, right password", () -> signIn(disabled.username(), TestAccounts.PASSWORD, address()));
        paths.put("delayed pair, right password", () -> signIn(delayed.username(), TestAccounts.PASSWORD,
                delayedFrom));
        paths.put("delayed address, right password", () -> signIn(known.username(), TestAccounts.PASSWORD,
                sprayer));

        Map<String, Long> medians = new LinkedHashMap<>();
        for (var path : paths.entrySet()) {
            long[] nanos = new long[5];
            for (int i = 0; i < nanos.length; i++) {
                int before = encoder.matches.get();
                long start = System.nanoTime();
                path.getValue().run().andExpect(unauthenticated());
                nanos[i] = System.nanoTime() - start;
                assertThat(encoder.matches.get() - before).as(path.getKey() + ": bcrypt checks").isEqualTo(1);
            }
            Arrays.sort(nanos);
            medians.put(path.getKey(), nanos[nanos.length / 2]);
        }
        System.out.printf("sign-in refusal medians (ms): %s%n", medians.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000).toList());
        long slowest = medians.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long fastest = medians.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat((double) fastest / slowest).as("no refusal path answers several times faster than another")
                .isGreaterThan(0.33);
    }

    @Test
    void an_unknown_name_is_audited_as_a_hash_and_a_flood_of_failures_does_not_flood_the_audit_log()
            throws Exception {
        String flooder = address();
        signIn("Secret-Pass\nword", "x", flooder).andExpect(unauthenticated());
        for (int i = 0; i < 2 * LoginThrottle.ADDRESS_LIMIT; i++) {
            signIn("flood-" + i, "x", flooder).andExpect(unauthenticated());
        }

        List<String> rows = jdbc.sql("select coalesce(actor, '') || '|' || coalesce(target, '') || '|' "
                        + "|| coalesce(detail, '') from audit_event where detail like :from")
                .param("from", "%" + flooder).query(String.class).list();
        assertThat(rows).isNotEmpty().noneMatch(row -> row.contains("Secret") || row.contains("\n")
                || row.contains("flood-"));
        assertThat(rows).filteredOn(row -> row.startsWith("unknown:")).isNotEmpty();
        assertThat(rows.size()).as("failures inside a delay are not written one by one")
                .isLessThanOrEqualTo(LoginThrottle.ADDRESS_LIMIT + 2);
    }

    @Test
    void a_sign_in_without_the_csrf_token_is_refused() throws Exception {
        Account reader = accounts.create("csrf", Role.READER);

        mvc.perform(post("/login").param("username", reader.username()).param("password", TestAccounts.PASSWORD)
                .with(remote(address()))).andExpect(unauthenticated());
        signIn(reader.username(), TestAccounts.PASSWORD, address()).andExpect(authenticated());
    }

    @Test
    void the_current_password_check_of_the_password_page_is_throttled_too() {
        Account reader = accounts.create("changer", Role.READER);
        SignIn.as(reader);
        for (int i = 0; i < LoginThrottle.PASSWORD_CHANGE_LIMIT; i++) {
            String guess = "wrong-" + i;
            assertRefused(() -> accountService.changeOwnPassword(guess, "A-Fresh-Secret-77"),
                    "password.error.current-wrong");
        }

        assertRefused(() -> accountService.changeOwnPassword(TestAccounts.PASSWORD, "A-Fresh-Secret-77"),
                "password.error.too-many-attempts");
        jdbc.sql("update signin_throttle set blocked_until = now() - interval '1 second' where throttle_key = :k")
                .param("k", LoginThrottle.passwordChangeKey(reader.id())).update();
        accountService.changeOwnPassword(TestAccounts.PASSWORD, "A-Fresh-Secret-77");
    }

    private static void assertRefused(Runnable action, String key) {
        try {
            action.run();
        } catch (AccountException e) {
            assertThat(e.messageKey()).isEqualTo(key);
            return;
        }
        throw new AssertionError("expected " + key);
    }

    /** A sign-in attempt whose outcome is checked with a result matcher. */
    private interface Attempt {
        Result run() throws Exception;
    }

    private interface Result {
        void andExpect(ResultMatcher matcher) throws Exception;
    }

    private Result signIn(String username, String password, String from) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").param("username", username)
                .param("password", password).with(csrf()).with(remote(from));
        var actions = mvc.perform(request);
        return matcher -> actions.andExpect(matcher);
    }

    private static RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private double delayLeftSeconds(String key) {
        return jdbc.sql("select coalesce(greatest(extract(epoch from blocked_until - now()), 0), 0) "
                        + "from signin_throttle where throttle_key = :k")
                .param("k", key).query(Double.class).optional().orElse(0.0);
    }

    private int failures(String key) {
        return jdbc.sql("select failures from signin_throttle where throttle_key = :k").param("k", key)
                .query(Integer.class).optional().orElse(0);
    }

    private void expireDelay(String key) {
        jdbc.sql("update signin_throttle set blocked_until = now() - interval '1 second' where throttle_key = :k")
                .param("k", key).update();
    }

    /** The application's password encoder, counting its {@code matches} calls. */
    static final class CountingPasswordEncoder implements PasswordEncoder {

        final AtomicInteger matches = new AtomicInteger();
        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    }

    @TestConfiguration
    static class CountingEncoderConfiguration {

        @Bean
        @Primary
        CountingPasswordEncoder countingPasswordEncoder() {
            return new CountingPasswordEncoder();
        }
    }
}
