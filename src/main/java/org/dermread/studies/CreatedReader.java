package org.dermread.studies;

import org.dermread.accounts.AccountId;

/** A reader account created for a study, with its one-time password (shown once, never stored). */
public record CreatedReader(AccountId id, String username, String displayName, String oneTimePassword) {
}
