package org.dermread.reading;

import java.time.Instant;

/** One answer of a reading made elsewhere: the case, the diagnosis and confidence, when shown and when answered. */
public record RecordedAnswer(long caseId, String diagnosis, Integer confidence, Instant shownAt, Instant answeredAt) {

    public RecordedAnswer {
        if (shownAt == null || answeredAt == null || answeredAt.isBefore(shownAt)) {
            throw new ReadingException("reading.import.error.times", caseId);
        }
    }
}
