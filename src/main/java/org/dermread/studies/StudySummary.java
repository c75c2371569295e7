package org.dermread.studies;

import java.time.Instant;

/** One line of the studies list. */
public record StudySummary(long id, String name, StudyStatus status, long caseSetId, String caseSetName,
        int cases, int readers, Instant createdAt) {
}
