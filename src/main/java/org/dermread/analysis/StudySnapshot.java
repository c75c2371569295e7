package org.dermread.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dermread.stats.Grouping;
import org.dermread.bundle.StudyTables;
import org.dermread.bundle.StudyTables.ReaderRecord;

/**
 * What a study's results are computed from, read once in one read-only transaction: the study's facts, its tables
 * as the export bundle holds them (readers anonymised) and the AI's embeddings for the t-SNE map. The results page
 * and the export bundle both work on a snapshot in memory, so their numbers, plots and files cannot disagree.
 *
 * @param modelSha256  the model whose predictions the tables hold (the study's own choice, else the last run); null
 *                     without AI
 * @param modelName    that model's registered name and version (null when not registered or without AI)
 * @param embeddings   the AI's embedding per case id of the tables, in case order
 * @param taxonomy     the taxonomy of the study's labels (its case set's)
 * @param grouping     the malignant-vs-benign grouping from the taxonomy's groups ({@link MalignancyGrouping}), or
 *                     null when the labels cannot be grouped so
 */
public record StudySnapshot(long studyId, String name, String status, boolean aidedPhase, String modelSha256,
        String modelName, String modelVersion, StudyTables tables, Map<String, float[]> embeddings, String taxonomy,
        Grouping grouping) {

    public StudySnapshot {
        embeddings = Collections.unmodifiableMap(new LinkedHashMap<>(embeddings));
    }

    /** Readers who finished every phase of the study. */
    public int readersFinished() {
        return (int) tables.readers().stream().filter(this::finished).count();
    }

    private boolean finished(ReaderRecord reader) {
        return reader.unaidedFinishedAt() != null && (!aidedPhase || reader.aidedFinishedAt() != null);
    }
}
