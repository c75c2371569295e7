package org.dermread.studies;

/** Level of the hospital a reader works at. */
public enum HospitalLevel {
    TERTIARY_A,
    TERTIARY,
    SECONDARY,
    PRIMARY,
    PRIVATE,
    OTHER
}
