package org.dermread.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotAnswerRow;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotArmRow;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotCaseRow;
import org.dermread.analysis.internal.StudySnapshotRepository.SnapshotReaderRow;
import org.dermread.bundle.StudyTables;
import org.dermread.bundle.StudyTables.CaseRecord;
import org.dermread.bundle.StudyTables.PredictionRecord;
import org.dermread.bundle.StudyTables.ReaderRecord;
import org.dermread.bundle.StudyTables.ReadingRecord;
import org.dermread.inference.StudyCasePrediction;

/**
 * A study's rows as the bundle's tables: readers become {@code R001}, {@code R002}, ... in invitation order (no name,
 * login or e-mail leaves the database), a case keeps its manifest id unless two sources share that id within the
 * study (then {@code s<source>-<id>}), phases are written in lower case.
 */
final class AnonymisedTables {

    private final Map<Long, String> caseIds = new HashMap<>();
    private final Map<Long, String> readerIds = new HashMap<>();

    AnonymisedTables(List<SnapshotCaseRow> cases, List<SnapshotReaderRow> readers) {
        Map<String, Long> count = new HashMap<>();
        cases.forEach(c -> count.merge(c.externalId(), 1L, Long::sum));
        cases.forEach(c -> caseIds.put(c.id(), count.get(c.externalId()) > 1
                ? "s" + c.sourceId() + "-" + c.externalId() : c.externalId()));
        for (int i = 0; i < readers.size(); i++) {
            readerIds.put(readers.get(i).participationId(), String.format(Locale.ROOT, "R%03d", i + 1));
        }
    }

    /** The exported id of a case (by its database id). */
    String caseId(long caseId) {
        return caseIds.get(caseId);
    }

    /**
     * @param predictions  the AI's predictions by case database id (empty without AI)
     * @param modelClasses the model's classes in its own order
     * @param labelNames   the labels' names and groups in the study's taxonomy, in label order
     * @param arms         the study's arms (empty without)
     */
    StudyTables tables(List<String> labels, List<SnapshotCaseRow> cases, List<SnapshotReaderRow> readers,
            List<SnapshotAnswerRow> answers, Map<Long, StudyCasePrediction> predictions, List<String> modelClasses,
            List<StudyTables.LabelRecord> labelNames, List<SnapshotArmRow> arms) {
        List<CaseRecord> caseRecords = cases.stream().map(c -> new CaseRecord(caseId(c.id()), c.truth(), c.age(),
                c.sex(), c.bodySite(), c.confirmation(), c.imageSha256())).toList();
        List<ReaderRecord> readerRecords = readers.stream().map(r -> new ReaderRecord(
                readerIds.get(r.participationId()), r.yearsDermatology(), r.yearsDermoscopy(), r.boardCertified(),
                r.title(), r.hospitalLevel(), r.startedAt(), r.unaidedFinishedAt(), r.aidedFinishedAt(),
                r.phaseOrder() == null ? null : r.phaseOrder().toLowerCase(Locale.ROOT), r.phaseOrderSeed(),
                r.phaseOrderGroup() == null ? null : r.phaseOrderGroup().toLowerCase(Locale.ROOT), r.phaseOrderRank(),
                r.washoutDays(), r.secondPhaseOpensAt(), r.arm(), r.armSeed(),
                r.armGroup() == null ? null : r.armGroup().toLowerCase(Locale.ROOT), r.armRank())).toList();
        List<ReadingRecord> readingRecords = answers.stream().map(a -> new ReadingRecord(
                readerIds.get(a.participationId()), caseId(a.caseId()), a.phase().toLowerCase(Locale.ROOT),
                a.diagnosis(), a.confidence(), a.shownAt(), a.answeredAt(), a.revision())).toList();
        List<PredictionRecord> predictionRecords = cases.stream().filter(c -> predictions.containsKey(c.id()))
                .map(c -> {
                    StudyCasePrediction p = predictions.get(c.id());
                    return new PredictionRecord(caseId(c.id()), labels.stream().map(p::probabilityOf).toList(),
                            p.raw());
                }).toList();
        List<StudyTables.ArmRecord> armRecords = arms.stream().map(a -> new StudyTables.ArmRecord(a.code(), a.name(),
                a.top1(), a.probabilities(), a.malignancy(), a.similarCases(), a.similarK(), a.saliency())).toList();
        return new StudyTables(labels, caseRecords, readerRecords, readingRecords, modelClasses, predictionRecords,
                labelNames, armRecords);
    }
}
