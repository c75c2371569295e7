package org.dermread.reading;

/**
 * The two reading phases of a before/after-AI design (Tschandl et al., Nat Med 2020): readers first read every
 * case unaided, then, if the study enables it, re-read the same cases in a new order seeing the AI's output.
 */
public enum Phase {
    UNAIDED,
    AIDED
}
