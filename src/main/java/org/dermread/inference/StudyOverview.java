package org.dermread.inference;

import java.util.Optional;

/** A study as the AI pages list it: its cases and the latest run of a model over them. */
public record StudyOverview(long studyId, String name, String status, int caseCount, boolean mayRun,
        Optional<InferenceJob> latestRun) {
}
