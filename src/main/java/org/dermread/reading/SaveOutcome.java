package org.dermread.reading;

/** What happened to a submitted answer. */
public enum SaveOutcome {
    /** Stored now. */
    SAVED,
    /** An answer for this case and phase was already stored (double click, second tab, retry): nothing changed. */
    ALREADY_SAVED,
    /** The reader went back and changed the answer; the earlier one is kept in the audit trail. */
    REVISED
}
