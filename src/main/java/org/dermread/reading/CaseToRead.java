package org.dermread.reading;

import java.util.Optional;

/**
 * The case a reader is shown: its place in the reader's own order and, if the study shows them, clinical fields.
 * Never the diagnosis. {@code caseId} stays on the server (the page gets an opaque image address).
 *
 * @param index        0-based position in this reader's order for this phase
 * @param earlier      the reader's stored answer when revisiting an answered case
 * @param advice       the AI's output, only in the AI-assisted phase
 * @param upcomingCaseId the case that comes next once this one is answered, so that the page can load its image
 *                     ahead (never recorded as shown until it is)
 */
public record CaseToRead(long caseId, int index, int total, Integer age, String sex, String bodySite,
        Optional<GivenAnswer> earlier, Optional<AiAdvice> advice, Optional<Long> upcomingCaseId) {
}
