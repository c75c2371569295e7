package org.dermread.studies;

/** A study's life cycle: prepared, then open to readers, then closed. Only a draft can be changed. */
public enum StudyStatus {
    DRAFT,
    OPEN,
    CLOSED
}
