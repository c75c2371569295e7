package org.dermread.studies;

/**
 * Which phase a reader of a study with an AI-assisted phase reads first. Fixed when the reader starts: always
 * {@link #UNAIDED_FIRST} unless the study randomises the order (a crossover design, see
 * {@link PhaseOrderAllocation}). The analysis keeps the modalities "unaided" and "aided" whatever the order; the
 * order is an attribute of the reader.
 */
public enum PhaseOrder {
    UNAIDED_FIRST,
    AIDED_FIRST;

    public PhaseOrder other() {
        return this == UNAIDED_FIRST ? AIDED_FIRST : UNAIDED_FIRST;
    }
}
