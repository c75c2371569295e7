package org.dermread.reading;

import java.util.List;

/**
 * What a reader's page needs to know about one participation in one phase. Carries no ground truth.
 *
 * @param answered how many cases of this phase the reader has answered
 * @param batchSize cases per batch, or 0 when the study has no batches
 */
public record ReadingSession(long participationId, long studyId, String studyName, Phase phase,
        List<AnswerOption> options, boolean allowBack, boolean confidence, boolean showClinical, int batchSize,
        int total, int answered) {

    public ReadingSession {
        options = List.copyOf(options);
    }

    public boolean finished() {
        return answered >= total;
    }
}
