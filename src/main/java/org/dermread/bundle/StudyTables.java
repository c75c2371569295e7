package org.dermread.bundle;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's data as the bundle's tables hold it, in memory: readers already anonymised ({@code R001}, ...), case
 * ids as exported, phases in lower case ({@link BundleFormat#UNAIDED}, {@link BundleFormat#AIDED}).
 *
 * @param labels       the label set in display order
 * @param cases        one record per case of the study
 * @param readers      one record per invited reader
 * @param readings     every stored answer
 * @param modelClasses the model's classes in its own order, for the raw probability columns
 * @param predictions  the AI's prediction per predicted case
 */
public record StudyTables(List<String> labels, List<CaseRecord> cases, List<ReaderRecord> readers,
        List<ReadingRecord> readings, List<String> modelClasses, List<PredictionRecord> predictions) {

    public StudyTables {
        labels = List.copyOf(labels);
        cases = List.copyOf(cases);
        readers = List.copyOf(readers);
        readings = List.copyOf(readings);
        modelClasses = List.copyOf(modelClasses);
        predictions = List.copyOf(predictions);
    }

    /** A row of {@code cases.csv}; clinical fields are null when unknown. */
    public record CaseRecord(String caseId, String truth, Integer age, String sex, String bodySite,
            String confirmation, String imageSha256) {
    }

    /** A row of {@code readers.csv}: experience when the reader started, and when each phase was finished. */
    public record ReaderRecord(String readerId, Integer yearsDermatology, Integer yearsDermoscopy,
            Boolean boardCertified, String title, String hospitalLevel, Instant startedAt, Instant unaidedFinishedAt,
            Instant aidedFinishedAt) {
    }

    /** A row of {@code readings.csv}: one stored answer. */
    public record ReadingRecord(String readerId, String caseId, String phase, String label, Integer confidence,
            Instant shownAt, Instant answeredAt, int revision) {
    }

    /**
     * A row of {@code ai_predictions.csv}.
     *
     * @param probabilities the probabilities over the label set (label order), renormalised to sum to 1
     * @param raw           the model's own probabilities by class code
     */
    public record PredictionRecord(String caseId, List<Double> probabilities, Map<String, Double> raw) {

        public PredictionRecord {
            probabilities = List.copyOf(probabilities);
            raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        }
    }
}
