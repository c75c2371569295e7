package org.dermread.cases;

import java.time.Instant;

/** One imported study set. */
public record CaseSource(long id, String name, String source, String description, boolean synthetic,
        String contentSha256, Instant importedAt, int caseCount) {
}
