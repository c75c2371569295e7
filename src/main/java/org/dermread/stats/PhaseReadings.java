package org.dermread.stats;

import java.util.List;

/** All readers' answers in one phase (e.g. "unaided", "aided"). */
public record PhaseReadings(String phase, List<ReaderReadings> readers) {

    public PhaseReadings {
        readers = List.copyOf(readers);
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name");
        }
    }
}
