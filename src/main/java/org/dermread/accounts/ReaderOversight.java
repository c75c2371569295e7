package org.dermread.accounts;

/**
 * Whether the signed-in coordinator oversees a reader: the reader takes part in a study the coordinator
 * coordinates. Accounts cannot ask the studies feature directly (studies depends on accounts), so studies
 * implements this; without an implementation a coordinator oversees nobody.
 */
public interface ReaderOversight {

    /** True when the signed-in person coordinates a study in which {@code reader} takes part. */
    boolean signedInCoordinatorOversees(AccountId reader);
}
