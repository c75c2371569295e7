package org.dermread.reading;

/** A study on a reader's dashboard with their progress. */
public record MyStudy(long participationId, long studyId, String name, String description, String status,
        int total, int answeredUnaided, int answeredAided, boolean aidedPhase, boolean unaidedFinished,
        boolean aidedFinished, boolean feedback) {

    public boolean finished() {
        return unaidedFinished && (!aidedPhase || aidedFinished);
    }
}
