package org.dermread.studies;

/** Whether readers also give their confidence with each answer. */
public enum ConfidenceScale {
    NONE,
    ONE_TO_FIVE
}
