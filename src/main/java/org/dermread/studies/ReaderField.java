package org.dermread.studies;

/** The fields of a reader's entry, in the order of a line of a pasted reader list. */
public enum ReaderField {
    NAME,
    LOGIN,
    YEARS_DERMATOLOGY,
    YEARS_DERMOSCOPY,
    BOARD_CERTIFIED,
    TITLE,
    HOSPITAL_LEVEL
}
