package org.dermread.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules and one-time password generation. Length over composition rules, after NIST SP 800-63B
 * section 5.1.1.2 (at least 8 characters; we ask for 10), never the username, and never a commonly used password:
 * the same section asks verifiers to compare new passwords against "a list that contains values known to be
 * commonly-used, expected, or compromised". The list is {@code dictionaries/passwords.txt} of nbvcxz 1.5.1
 * ({@code me.gosimple:nbvcxz}, MIT licence, https://github.com/GoSimpleLLC/nbvcxz): the 100,000 most common
 * passwords, most frequent first. Entries shorter than {@link #MIN_LENGTH} are refused by
 * the length rule already, so only the longer ones are kept in memory; the comparison ignores case.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Throws {@link AccountException} with the reason when the password may not be used. */
    public static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new AccountException("password.error.too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccountException("password.error.too-long", MAX_LENGTH);
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new AccountException("password.error.contains-username");
        }
        if (password.chars().distinct().count() < 4) {
            throw new AccountException("password.error.too-simple");
        }
        if (CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT))) {
            throw new AccountException("password.error.common");
        }
    }

    /** Whether the password is on the list of common passwords (ignoring case); for tests and the page's hint. */
    public static boolean isCommon(String password) {
        return password != null && CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Loaded on first use (about 5,000 entries of 10 or more characters out of the 100,000). */
    private static final class CommonPasswords {

        static final String RESOURCE = "dictionaries/passwords.txt";
        static final Set<String> LIST = load();

        private static Set<String> load() {
            Set<String> list = new HashSet<>();
            int lines = 0;
            try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The common-password list " + RESOURCE + " is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    String entry = line.strip().toLowerCase(Locale.ROOT);
                    if (entry.length() >= MIN_LENGTH) {
                        list.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines < 10_000) {
                throw new IllegalStateException("The common-password list has only " + lines + " entries");
            }
            return Set.copyOf(list);
        }
    }

    /** A random password of 16 characters from an alphabet without look-alikes (about 93 bits). */
    public static String generate() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
