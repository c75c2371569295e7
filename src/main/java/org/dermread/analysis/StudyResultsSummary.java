package org.dermread.analysis;

/** A study as listed for statisticians: its size, progress and model. */
public record StudyResultsSummary(long studyId, String name, String status, int cases, int labels, int readers,
        int readersFinished, int answers, String modelSha256, boolean aidedPhase) {
}
