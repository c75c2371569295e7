package org.dermread.accounts;

import java.time.Instant;

/**
 * Something the owner of an account is told at their next sign-in, until they dismiss it.
 *
 * @param by who did it (a user name)
 * @param at when
 */
public record AccountNotice(long id, Kind kind, String by, Instant at) {

    public enum Kind {
        /** Someone else reset the password (an administrator, or a coordinator of a study the reader is in). */
        PASSWORD_RESET
    }
}
