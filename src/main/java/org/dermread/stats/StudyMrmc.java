package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Maps a study's phases onto MRMC data and runs the OR-Hillis analyses: overall top-1 accuracy, and per class
 * (one-vs-rest) AUC of the readers' ordinal ratings, sensitivity and specificity.
 */
final class StudyMrmc {

    private StudyMrmc() {
    }

    /**
     * A reader's ordinal rating that a case belongs to a class, from a single-label answer and its confidence
     * c in 1..5: chose the class gives 5 + c (6..10), chose another gives 6 - c (1..5); a missing confidence
     * counts as 5, so without confidences the rating is binary and its AUC is (sensitivity + specificity) / 2.
     */
    static double rating(boolean choseClass, int confidence) {
        int c = confidence >= 1 && confidence <= 5 ? confidence : 5;
        return choseClass ? 5 + c : 6 - c;
    }

    /**
     * The OR-Hillis analyses (Obuchowski &amp; Rockette 1995; Hillis 2007) of the chosen phases: readers who
     * answered in every modality; cases they did not read count as missing (see {@link ObuchowskiRockette});
     * null without two modalities.
     */
    static StudyReport.MrmcReport report(StudyData study, AnalysisSettings settings, List<String> warnings) {
        List<String> modalities = modalities(study, settings, warnings);
        if (modalities == null) {
            return null;
        }
        Map<String, PhaseReadings> byName = new TreeMap<>();
        for (PhaseReadings p : study.phases()) {
            byName.put(p.phase(), p);
        }
        int t = modalities.size();
        int cases = study.caseIds().size();
        int readerCount = study.readers().size();
        // label[i][reader][case], -1 when not read; confidence alongside.
        int[][][] label = new int[t][readerCount][cases];
        int[][][] confidence = new int[t][readerCount][cases];
        boolean[][] present = new boolean[t][readerCount];
        for (int i = 0; i < t; i++) {
            for (int[] row : label[i]) {
                Arrays.fill(row, -1);
            }
            for (ReaderReadings rr : byName.get(modalities.get(i)).readers()) {
                for (int a = 0; a < rr.size(); a++) {
                    label[i][rr.reader()][rr.caseAt(a)] = rr.labelAt(a);
                    confidence[i][rr.reader()][rr.caseAt(a)] = rr.confidenceAt(a);
                    present[i][rr.reader()] = true;
                }
            }
        }
        List<Integer> readers = new ArrayList<>();
        for (int j = 0; j < readerCount; j++) {
            boolean all = true;
            for (int i = 0; i < t; i++) {
                all &= present[i][j];
            }
            if (all) {
                readers.add(j);
            }
        }
        if (readers.isEmpty()) {
            warnings.add("MRMC: no reader answered in every modality of " + modalities);
            return null;
        }
        List<String> readerIds = readers.stream().map(j -> study.readers().get(j).id()).toList();
        List<String> caseIds = study.caseIds();
        int[] truth = study.truth();

        double[][][] correct = new double[t][readers.size()][cases];
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < readers.size(); a++) {
                for (int c = 0; c < cases; c++) {
                    int l = label[i][readers.get(a)][c];
                    correct[i][a][c] = l < 0 ? Double.NaN : (l == truth[c] ? 1 : 0);
                }
            }
        }
        boolean[] anyTruth = new boolean[cases];
        Arrays.fill(anyTruth, true);
        MrmcData accuracyData = MrmcData.sharing(modalities, readerIds, caseIds, anyTruth, correct);

        // Overall accuracy (task 0) and the classes (1..) are independent: analysed in parallel, results and warnings
        // collected in that order.
        int k = study.labels().size();
        List<List<String>> taskWarnings = new ArrayList<>();
        for (int task = 0; task <= k; task++) {
            taskWarnings.add(new ArrayList<>());
        }
        List<Record> results = IntStream.rangeClosed(0, k).parallel()
                .<Record>mapToObj(task -> task == 0
                        ? run(accuracyData, FigureOfMerit.PROPORTION, settings, "accuracy", taskWarnings.get(0))
                        : mrmcClass(study, settings, modalities, readers, readerIds, label, confidence, task - 1,
                                taskWarnings.get(task)))
                .toList();
        taskWarnings.forEach(warnings::addAll);
        StudyReport.MrmcFom accuracy = (StudyReport.MrmcFom) results.get(0);
        List<StudyReport.MrmcClass> classes = results.subList(1, results.size()).stream()
                .map(StudyReport.MrmcClass.class::cast).toList();
        // one sentence for the whole comparison, however many figures it concerns
        boolean crossedOnly = warnings.remove(FULLY_CROSSED_ONLY);
        while (warnings.remove(FULLY_CROSSED_ONLY)) {
            crossedOnly = true;
        }
        if (crossedOnly) {
            warnings.add(FULLY_CROSSED_ONLY);
        }
        return new StudyReport.MrmcReport(modalities, readerIds, accuracy, classes);
    }

    private static StudyReport.MrmcClass mrmcClass(StudyData study, AnalysisSettings settings, List<String> modalities,
                                                   List<Integer> readers, List<String> readerIds, int[][][] label,
                                                   int[][][] confidence, int k, List<String> warnings) {
        int t = modalities.size();
        int cases = study.caseIds().size();
        int[] truth = study.truth();
        List<String> caseIds = study.caseIds();
        boolean[] positive = new boolean[cases];
        for (int c = 0; c < cases; c++) {
            positive[c] = truth[c] == k;
        }
        double[][][] ordinal = new double[t][readers.size()][cases];
        double[][][] chose = new double[t][readers.size()][cases];
        for (int i = 0; i < t; i++) {
            for (int a = 0; a < readers.size(); a++) {
                int j = readers.get(a);
                for (int c = 0; c < cases; c++) {
                    int l = label[i][j][c];
                    ordinal[i][a][c] = l < 0 ? Double.NaN : rating(l == k, confidence[i][j][c]);
                    chose[i][a][c] = l < 0 ? Double.NaN : (l == k ? 1 : 0);
                }
            }
        }
        String code = study.labels().get(k);
        return new StudyReport.MrmcClass(code,
                run(subset(modalities, readerIds, caseIds, positive, ordinal, FigureOfMerit.AUC),
                        FigureOfMerit.AUC, settings, code + " AUC", warnings),
                run(subset(modalities, readerIds, caseIds, positive, chose, FigureOfMerit.SENSITIVITY),
                        FigureOfMerit.SENSITIVITY, settings, code + " sensitivity", warnings),
                run(subset(modalities, readerIds, caseIds, positive, chose, FigureOfMerit.SPECIFICITY),
                        FigureOfMerit.SPECIFICITY, settings, code + " specificity", warnings));
    }

    /**
     * Keeps the readers whose figure of merit is defined in every modality (AUC: at least 2 positive and 2
     * negative cases read; sensitivity: 2 positives; specificity: 2 negatives); null when none is left.
     */
    private static MrmcData subset(List<String> modalities, List<String> readerIds, List<String> caseIds,
                                   boolean[] positive, double[][][] ratings, FigureOfMerit fom) {
        List<Integer> keep = new ArrayList<>();
        for (int a = 0; a < readerIds.size(); a++) {
            boolean ok = true;
            for (double[][] modality : ratings) {
                int m = 0;
                int n = 0;
                for (int c = 0; c < caseIds.size(); c++) {
                    if (Double.isNaN(modality[a][c])) {
                        continue;
                    }
                    if (positive[c]) {
                        m++;
                    } else {
                        n++;
                    }
                }
                ok &= switch (fom) {
                    case AUC -> m >= 2 && n >= 2;
                    case SENSITIVITY -> m >= 2;
                    case SPECIFICITY -> n >= 2;
                    default -> m + n >= 2;
                };
            }
            if (ok) {
                keep.add(a);
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        double[][][] kept = new double[ratings.length][keep.size()][];
        for (int i = 0; i < ratings.length; i++) {
            for (int a = 0; a < keep.size(); a++) {
                kept[i][a] = ratings[i][keep.get(a)];
            }
        }
        return MrmcData.sharing(modalities, keep.stream().map(readerIds::get).toList(), caseIds, positive, kept);
    }

    private static StudyReport.MrmcFom run(MrmcData data, FigureOfMerit fom, AnalysisSettings settings,
                                           String what, List<String> warnings) {
        if (data == null) {
            String note = "no reader has enough cases for " + what;
            warnings.add("MRMC: " + note);
            return new StudyReport.MrmcFom(null, null, note);
        }
        double level = settings.confidenceLevel();
        try {
            ReaderFomTable table = ReaderFomTable.of(data, fom);
            List<OrResult> both = ObuchowskiRockette.analyze(table, data, fom,
                    List.of(CovarianceMethod.DELONG, CovarianceMethod.JACKKNIFE), level);
            OrResult unbiased = null;
            DbmResult dbm = null;
            try {
                unbiased = ObuchowskiRockette.analyze(table, data, fom, List.of(CovarianceMethod.UNBIASED), level)
                        .get(0);
                dbm = DorfmanBerbaumMetz.analyze(table, data, fom, level);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // not a fully crossed design (or degenerate df): the DeLong and jackknife analyses stand alone
                warnings.add(FULLY_CROSSED_ONLY);
            }
            return new StudyReport.MrmcFom(both.get(0), both.get(1), null, unbiased, dbm);
        } catch (IllegalArgumentException e) {
            warnings.add("MRMC: " + what + ": " + e.getMessage());
            return new StudyReport.MrmcFom(null, null, e.getMessage());
        } catch (IllegalStateException e) {
            // e.g. commons-math cannot evaluate an F distribution whose Hillis df are degenerate (tiny panels); its
            // own message ("Continued fraction diverged to NaN ...") means nothing to a reader of the results
            String note = "could not be estimated: its degrees of freedom are degenerate (too few readers or cases)";
            warnings.add("MRMC: " + what + ": " + note);
            return new StudyReport.MrmcFom(null, null, note);
        }
    }

    static final String FULLY_CROSSED_ONLY = "MRMC: unbiased (U-statistic) covariances and DBM need every reader to"
            + " read every case in both modalities; they are left out where that does not hold";

    private static List<String> modalities(StudyData study, AnalysisSettings settings, List<String> warnings) {
        List<String> names = study.phases().stream().map(PhaseReadings::phase).toList();
        List<String> wanted = settings.mrmcModalities();
        if (wanted.isEmpty()) {
            String unaided = names.stream().filter("unaided"::equalsIgnoreCase).findFirst().orElse(null);
            String aided = names.stream().filter("aided"::equalsIgnoreCase).findFirst().orElse(null);
            if (unaided != null && aided != null) {
                return List.of(unaided, aided);
            }
            if (names.size() == 2) {
                return names;
            }
            return null;
        }
        for (String w : wanted) {
            if (!names.contains(w)) {
                warnings.add("MRMC: phase " + w + " has no readings; no MRMC analysis");
                return null;
            }
        }
        if (wanted.size() < 2) {
            warnings.add("MRMC needs at least two modalities");
            return null;
        }
        return wanted;
    }
}
