package org.dermread.accounts;

/** A new account and the one-time password to hand to its owner (who must change it at first sign-in). */
public record CreatedAccount(Account account, String oneTimePassword) {
}
