package org.dermread.inference;

import java.time.Instant;

/**
 * A batch run of a model over a study's cases, as stored in the job queue.
 *
 * @param doneCases     cases that have a prediction for this study (computed now or earlier)
 * @param computedCases cases this run had to send through the model (the rest were already predicted)
 * @param attempts      how many times a worker claimed it (more than 1 after a restart or a dead worker)
 */
public record InferenceJob(long id, long studyId, String modelSha256, Status status, boolean cancelRequested,
        int totalCases, int doneCases, int computedCases, int attempts, String worker, String error,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Status {
        QUEUED, RUNNING, DONE, CANCELLED, FAILED;

        public boolean finished() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    /** Share of cases done, 0..1. */
    public double progress() {
        return totalCases == 0 ? (status == Status.DONE ? 1 : 0) : Math.min(1, (double) doneCases / totalCases);
    }
}
