package org.dermread.studies;

/** A reader account created for a study, with its one-time password (shown once, never stored). */
public record CreatedReader(String username, String displayName, String oneTimePassword) {
}
