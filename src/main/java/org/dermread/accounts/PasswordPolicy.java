package org.dermread.accounts;

import java.security.SecureRandom;

/**
 * Password rules and one-time password generation. Length over composition rules, after NIST SP 800-63B
 * section 5.1.1.2 (at least 8 characters; we ask for 10), and never the username.
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
