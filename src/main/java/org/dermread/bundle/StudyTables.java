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
 * @param labelNames   the labels' names and groups in the study's taxonomy, in label order (empty: codes only)
 * @param arms         the arms of a human-AI collaboration study in their order (empty: a study without arms)
 */
public record StudyTables(List<String> labels, List<CaseRecord> cases, List<ReaderRecord> readers,
        List<ReadingRecord> readings, List<String> modelClasses, List<PredictionRecord> predictions,
        List<LabelRecord> labelNames, List<ArmRecord> arms) {

    /** Tables of a study without arms. */
    public StudyTables(List<String> labels, List<CaseRecord> cases, List<ReaderRecord> readers,
            List<ReadingRecord> readings, List<String> modelClasses, List<PredictionRecord> predictions,
            List<LabelRecord> labelNames) {
        this(labels, cases, readers, readings, modelClasses, predictions, labelNames, List.of());
    }

    /** Tables whose labels are codes only. */
    public StudyTables(List<String> labels, List<CaseRecord> cases, List<ReaderRecord> readers,
            List<ReadingRecord> readings, List<String> modelClasses, List<PredictionRecord> predictions) {
        this(labels, cases, readers, readings, modelClasses, predictions, List.of(), List.of());
    }

    /**
     * A row of {@code arms.csv}: an arm's code and name and its forms of AI help in the aided phase.
     *
     * @param similarK the number of similar cases shown, null without similar cases
     */
    public record ArmRecord(String arm, String name, boolean top1, boolean probabilities, boolean malignancy,
            boolean similarCases, Integer similarK, boolean saliency) {
    }

    /**
     * A label's names in English and Chinese and its group (malignant, premalignant, benign, inflammatory,
     * infectious) as the study's taxonomy has them; the group is null when the taxonomy gives none.
     */
    public record LabelRecord(String code, String nameEn, String nameZh, String group) {
    }

    public StudyTables {
        labelNames = List.copyOf(labelNames);
        if (!labelNames.isEmpty()
                && !labelNames.stream().map(LabelRecord::code).toList().equals(labels)) {
            throw new IllegalArgumentException("label names must list the labels in order");
        }
        labels = List.copyOf(labels);
        cases = List.copyOf(cases);
        readers = List.copyOf(readers);
        readings = List.copyOf(readings);
        modelClasses = List.copyOf(modelClasses);
        predictions = List.copyOf(predictions);
        arms = List.copyOf(arms);
    }

    /** A row of {@code cases.csv}; clinical fields are null when unknown. */
    public record CaseRecord(String caseId, String truth, Integer age, String sex, String bodySite,
            String confirmation, String imageSha256) {
    }

    /**
     * A row of {@code readers.csv}: experience when the reader started, when each phase was finished, and the design
     * of the two phases for this reader.
     *
     * @param phaseOrder         {@link BundleFormat#UNAIDED_FIRST} or {@link BundleFormat#AIDED_FIRST}; null before
     *                           the reader started or when the study has one phase
     * @param phaseOrderSeed     the study's allocation seed when it randomises the phase order, else null
     * @param phaseOrderGroup    the experience group the order was balanced in (randomised studies), else null
     * @param phaseOrderRank     the reader's rank in that group's allocation sequence, else null
     * @param washoutDays        days between finishing the first phase and the second opening; null with one phase
     * @param secondPhaseOpensAt when the second phase opened (or opens) for this reader; null until the first ends
     * @param arm                the reader's arm in a study with arms (drawn when they started), else null
     * @param armSeed            the study's arm allocation seed in a study with arms, else null
     * @param armGroup           the experience group the arm was balanced in, else null
     * @param armRank            the reader's rank in that group's arm sequence, else null
     */
    public record ReaderRecord(String readerId, Integer yearsDermatology, Integer yearsDermoscopy,
            Boolean boardCertified, String title, String hospitalLevel, Instant startedAt, Instant unaidedFinishedAt,
            Instant aidedFinishedAt, String phaseOrder, Long phaseOrderSeed, String phaseOrderGroup,
            Integer phaseOrderRank, Integer washoutDays, Instant secondPhaseOpensAt, String arm, Long armSeed,
            String armGroup, Integer armRank) {

        /** A reader of a study without arms. */
        public ReaderRecord(String readerId, Integer yearsDermatology, Integer yearsDermoscopy,
                Boolean boardCertified, String title, String hospitalLevel, Instant startedAt,
                Instant unaidedFinishedAt, Instant aidedFinishedAt, String phaseOrder, Long phaseOrderSeed,
                String phaseOrderGroup, Integer phaseOrderRank, Integer washoutDays, Instant secondPhaseOpensAt) {
            this(readerId, yearsDermatology, yearsDermoscopy, boardCertified, title, hospitalLevel, startedAt,
                    unaidedFinishedAt, aidedFinishedAt, phaseOrder, phaseOrderSeed, phaseOrderGroup, phaseOrderRank,
                    washoutDays, secondPhaseOpensAt, null, null, null, null);
        }

        /** A reader of a study without a second-phase design (one phase, no washout, no randomised order). */
        public ReaderRecord(String readerId, Integer yearsDermatology, Integer yearsDermoscopy,
                Boolean boardCertified, String title, String hospitalLevel, Instant startedAt,
                Instant unaidedFinishedAt, Instant aidedFinishedAt) {
            this(readerId, yearsDermatology, yearsDermoscopy, boardCertified, title, hospitalLevel, startedAt,
                    unaidedFinishedAt, aidedFinishedAt, null, null, null, null, null, null, null, null, null, null);
        }
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
