package org.dermread.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.accounts.internal.ThrottleRepository;
import org.dermread.accounts.internal.ThrottleRepository.KeyState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without handing an attacker a way to lock the owner out. NIST SP 800-63B section
 * 5.2.2 ("Rate Limiting (Throttling)") asks verifiers to limit failed attempts on an account and names exponentially
 * growing waiting periods and per-address limits as ways to do it; OWASP's Authentication Cheat Sheet warns that a
 * hard account lock-out lets anyone lock a victim out. So there is no lock, only delays, counted under three keys:
 *
 * <ul>
 *   <li>the pair (user name, client address): from the {@value #PAIR_LIMIT}th failure on, each failure delays
 *       that pair by 30 s, 1, 2, 4, 8 minutes ..., at most {@link #MAX_DELAY};</li>
 *   <li>the client address alone, against spraying one password over many names: the same from the
 *       {@value #ADDRESS_LIMIT}th failure from the address on;</li>
 *   <li>the user name alone, against guessing from many addresses: the same from the {@value #ACCOUNT_LIMIT}th
 *       failure on. This delay holds only addresses that have themselves failed on the name recently, so the owner,
 *       signing in from their own address with the right password, gets in while someone else is guessing.</li>
 * </ul>
 *
 * <p>An attempt inside a delay is refused without being counted (so refusals cannot stretch a delay without end);
 * a key quiet for {@link #QUIET_RESET} starts again from zero; a successful sign-in clears the pair and the name.
 * State lives in PostgreSQL ({@code signin_throttle}), so instances sharing the database count together. Keys
 * never hold a typed user name (a password typed into the name field must not be stored): names are hashed.
 *
 * <p>The same throttle guards the current-password check of the password page, per account.
 */
@Component
public class LoginThrottle {

    static final int PAIR_LIMIT = 5;
    static final int ACCOUNT_LIMIT = 10;
    static final int ADDRESS_LIMIT = 30;
    static final int PASSWORD_CHANGE_LIMIT = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration QUIET_RESET = Duration.ofHours(1);
    /** Keys quiet this long are deleted. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final ThrottleRepository repository;

    LoginThrottle(ThrottleRepository repository) {
        this.repository = repository;
    }

    /** The keys one sign-in attempt is counted under. */
    public record Keys(String pair, String account, String address) {

        List<String> all() {
            return List.of(pair, account, address);
        }
    }

    /** Whether an attempt is evaluated now, and the key that holds it back if not. */
    public record Verdict(boolean allowed, String heldBy) {
    }

    public static Keys keys(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String from = address == null || address.isBlank() ? "unknown" : address.strip();
        return new Keys("pair:" + sha256(name + "\n" + from), "account:" + sha256(name), "address:" + from);
    }

    static String passwordChangeKey(AccountId account) {
        return "change:" + account.value();
    }

    @Transactional(readOnly = true)
    public Verdict verdict(Keys keys) {
        Map<String, KeyState> states = repository.states(keys.all(), QUIET_RESET.toSeconds()).stream()
                .collect(Collectors.toMap(KeyState::key, Function.identity()));
        KeyState pair = states.get(keys.pair());
        KeyState account = states.get(keys.account());
        KeyState address = states.get(keys.address());
        if (pair != null && pair.blocked()) {
            return new Verdict(false, "pair");
        }
        if (address != null && address.blocked()) {
            return new Verdict(false, "address");
        }
        if (account != null && account.blocked() && pair != null && pair.recentFailures() > 0) {
            return new Verdict(false, "account");
        }
        return new Verdict(true, null);
    }

    /** Counts a failed, evaluated attempt; returns the scopes whose delay began with it (for the audit log). */
    @Transactional
    public List<String> failed(Keys keys) {
        List<String> started = new ArrayList<>();
        count(keys.pair(), keys.account(), PAIR_LIMIT, "pair", started);
        count(keys.account(), keys.account(), ACCOUNT_LIMIT, "account", started);
        count(keys.address(), null, ADDRESS_LIMIT, "address", started);
        repository.forgetQuietKeys(FORGET_AFTER.toSeconds());
        return started;
    }

    /** Notes an attempt refused inside a delay: about the same database work as a failure, so it is not faster. */
    @Transactional
    public void refused(Keys keys) {
        repository.countRefused(keys.all());
    }

    @Transactional
    public void succeeded(Keys keys) {
        repository.delete(List.of(keys.pair(), keys.account()));
    }

    /** Whether the account may try its current password on the password page now. */
    @Transactional(readOnly = true)
    public boolean passwordChangeAllowed(AccountId account) {
        return repository.states(List.of(passwordChangeKey(account)), QUIET_RESET.toSeconds()).stream()
                .noneMatch(KeyState::blocked);
    }

    @Transactional
    public void passwordChangeFailed(AccountId account) {
        count(passwordChangeKey(account), null, PASSWORD_CHANGE_LIMIT, "password-change", new ArrayList<>());
    }

    @Transactional
    public void passwordChangeSucceeded(AccountId account) {
        repository.delete(List.of(passwordChangeKey(account)));
    }

    /**
     * Until when sign-ins to the account are being delayed (for anyone, from any address), or null when they are
     * not: the latest end of the delays on the name, on any (name, address) pair and on the password page.
     */
    @Transactional(readOnly = true)
    public Map<AccountId, Instant> delayedAccounts(Collection<Account> accounts) {
        Map<String, Instant> delays = repository.delaysInForce();
        Map<AccountId, Instant> result = new HashMap<>();
        if (delays.isEmpty()) {
            return result;
        }
        for (Account account : accounts) {
            Instant byName = delays.get(keys(account.username(), null).account());
            Instant byPage = delays.get(passwordChangeKey(account.id()));
            Instant until = byName == null ? byPage : byPage == null || byName.isAfter(byPage) ? byName : byPage;
            if (until != null) {
                result.put(account.id(), until);
            }
        }
        return result;
    }

    /** Lifts every delay on the account (name, pairs with any address, password page); whether one was in force. */
    @Transactional
    public boolean lift(Account account) {
        return repository.lift(keys(account.username(), null).account(),
                List.of(passwordChangeKey(account.id()))) > 0;
    }

    private void count(String key, String accountKey, int limit, String scope, List<String> started) {
        int failures = repository.countFailure(key, accountKey, QUIET_RESET.toSeconds());
        if (failures >= limit && repository.blockFor(key, delaySeconds(failures - limit))) {
            started.add(scope);
        }
    }

    /**
     * The delay after a failure: {@link #FIRST_DELAY} at the limit, doubling with each further failure, at most
     * {@link #MAX_DELAY}.
     */
    static double delaySeconds(int overLimit) {
        return Math.min(FIRST_DELAY.toSeconds() * Math.pow(2, Math.min(overLimit, 20)), MAX_DELAY.toSeconds());
    }

    /** A short, stable stand-in for a name that must not be stored as typed. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
