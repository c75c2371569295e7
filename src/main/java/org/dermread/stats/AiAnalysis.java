package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The AI alone, and readers against the AI. */
final class AiAnalysis {

    private AiAnalysis() {
    }

    /**
     * Top-1 accuracy (argmax over the label set, first label on ties), the confusion matrix at the argmax, per-class
     * one-vs-rest ROC (all points), AUC with DeLong CI, Youden point; macro AUC = mean of the defined per-class AUCs
     * (Hand &amp; Till 2001 style one-vs-rest average); micro AUC = AUC of all (case, class) pairs pooled, the
     * probability of the true class a positive and the others negatives (as scikit-learn's average="micro").
     */
    static StudyReport.AiReport report(StudyData study, AnalysisSettings settings) {
        List<String> labels = study.labels();
        int k = labels.size();
        int[] aiCases = aiCases(study);
        int[] truth = new int[aiCases.length];
        int[] chosen = new int[aiCases.length];
        for (int i = 0; i < aiCases.length; i++) {
            truth[i] = study.truthOf(aiCases[i]);
            chosen[i] = study.aiLabel(aiCases[i]);
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, truth, chosen);
        List<StudyReport.AiClass> classes = new ArrayList<>();
        double aucSum = 0;
        int aucCount = 0;
        double[] flat = new double[aiCases.length * k];
        boolean[] flatPositive = new boolean[aiCases.length * k];
        for (int c = 0; c < k; c++) {
            double[] scores = new double[aiCases.length];
            boolean[] positive = new boolean[aiCases.length];
            int m = 0;
            for (int i = 0; i < aiCases.length; i++) {
                scores[i] = study.ai(aiCases[i], c);
                positive[i] = truth[i] == c;
                flat[i * k + c] = scores[i];
                flatPositive[i * k + c] = positive[i];
                if (positive[i]) {
                    m++;
                }
            }
            int n = aiCases.length - m;
            if (m == 0 || n == 0) {
                classes.add(new StudyReport.AiClass(labels.get(c), m, n, null, null, null));
                continue;
            }
            RocCurve roc = RocCurve.of(scores, positive);
            AucEstimate auc = DeLong.estimate(scores, positive, settings.confidenceLevel());
            aucSum += auc.auc();
            aucCount++;
            AucBootstrap.Interval bootstrap = settings.bootstrapReplicates() < 2 ? null
                    : AucBootstrap.stratified(scores, positive, settings.bootstrapReplicates(), settings.seed(),
                    settings.confidenceLevel());
            List<RocTableReport.Coordinate> atSpecificity = settings.specificityTargets().stream()
                    .map(x -> new RocTableReport.Coordinate(x, roc.sensitivityAtSpecificity(x),
                            roc.bestSensitivityAtSpecificity(x)))
                    .toList();
            List<RocTableReport.Coordinate> atSensitivity = settings.sensitivityTargets().stream()
                    .map(x -> new RocTableReport.Coordinate(x, roc.specificityAtSensitivity(x),
                            roc.bestSpecificityAtSensitivity(x)))
                    .toList();
            classes.add(new StudyReport.AiClass(labels.get(c), m, n, auc, roc.youden(), roc.points(),
                    roc.optimalPoints(), bootstrap, atSpecificity, atSensitivity));
        }
        double macro = aucCount == 0 ? Double.NaN : aucSum / aucCount;
        double micro = Double.NaN;
        if (aiCases.length > 0) {
            micro = Placements.of(flat, flatPositive).auc();
        }
        double weighted = 0;
        double prevalence = 0;
        for (StudyReport.AiClass c : classes) {
            if (c.auc() != null) {
                weighted += c.positives() * c.auc().auc();
                prevalence += c.positives();
            }
        }
        List<Integer> distinct = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cls = c;
            distinct.add((int) Arrays.stream(aiCases).mapToDouble(i -> study.ai(i, cls)).distinct().count());
        }
        int argmaxTies = 0;
        for (int i : aiCases) {
            double best = study.ai(i, study.aiLabel(i));
            int at = 0;
            for (int c = 0; c < k; c++) {
                at += study.ai(i, c) == best ? 1 : 0;
            }
            argmaxTies += at > 1 ? 1 : 0;
        }
        return new StudyReport.AiReport(aiCases.length, confusion.accuracy(), confusion.balancedAccuracy(),
                confusion, confusion.perClass(), classes, macro, micro, CohenKappa.of(truth, chosen, k),
                confusion.macroSpecificity(), confusion.macroAccuracy(),
                prevalence == 0 ? Double.NaN : weighted / prevalence, distinct, argmaxTies);
    }

    /** Indices of the cases the AI predicted. */
    static int[] aiCases(StudyData study) {
        return IntStream.range(0, study.caseIds().size()).filter(study::aiPredicted).toArray();
    }

    /** Per class, the AI cases sorted by the class probability, for the bootstrap's weighted ROC. */
    static List<PanelBootstrap.AiClassScores> classScores(StudyData study) {
        int[] aiCases = aiCases(study);
        int k = study.labels().size();
        List<PanelBootstrap.AiClassScores> result = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cls = c;
            Integer[] boxed = Arrays.stream(aiCases).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingDouble(i -> study.ai(i, cls)));
            int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            double[] sorted = Arrays.stream(order).mapToDouble(i -> study.ai(i, cls)).toArray();
            boolean[] positive = new boolean[study.caseIds().size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = study.truthOf(i) == c;
            }
            result.add(new PanelBootstrap.AiClassScores(order, sorted, positive));
        }
        return result;
    }

    /** Readers against the AI in one phase (see {@link StudyReport.AiComparison}); readers run in parallel. */
    static StudyReport.AiComparison compare(StudyData study, List<ReaderReadings> readers, double[][] point,
                                            PanelBootstrap.Replicates replicates, AnalysisSettings settings) {
        List<String> labels = study.labels();
        int k = labels.size();
        int r = readers.size();
        Placements[] aiPlacements = placementsOverAllAiCases(study);
        ReaderVsAi[] each = IntStream.range(0, r).parallel()
                .mapToObj(j -> ReaderVsAi.of(study, readers.get(j), aiPlacements, settings))
                .toArray(ReaderVsAi[]::new);
        List<StudyReport.ReaderMcNemar> mcnemar = new ArrayList<>();
        List<StudyReport.ReaderAucComparison> delong = new ArrayList<>();
        for (ReaderVsAi x : each) {
            if (x.mcnemar != null) {
                mcnemar.add(x.mcnemar);
            }
            delong.addAll(x.delong);
        }
        List<StudyReport.WilcoxonResult> wilcoxon = new ArrayList<>();
        wilcoxon.add(wilcoxon("accuracy", null, each, x -> x.accuracy));
        wilcoxon.add(wilcoxon("balanced_accuracy", null, each, x -> x.balancedAccuracy));
        for (int cls = 0; cls < k; cls++) {
            final int c = cls;
            wilcoxon.add(wilcoxon("sensitivity", labels.get(cls), each, x -> x.sensitivity[c]));
            wilcoxon.add(wilcoxon("specificity", labels.get(cls), each, x -> x.specificity[c]));
        }
        return new StudyReport.AiComparison(mcnemar, wilcoxon, operatingPoints(study, point, replicates, settings),
                delong);
    }

    /**
     * The AI's DeLong placements per class over every case it predicted, in case order (null for a class without
     * positive or negative cases): shared by all readers who read every such case.
     */
    private static Placements[] placementsOverAllAiCases(StudyData study) {
        int[] aiCases = aiCases(study);
        int k = study.labels().size();
        Placements[] result = new Placements[k];
        for (int cls = 0; cls < k; cls++) {
            double[] scores = new double[aiCases.length];
            boolean[] positive = new boolean[aiCases.length];
            int m = 0;
            for (int i = 0; i < aiCases.length; i++) {
                scores[i] = study.ai(aiCases[i], cls);
                positive[i] = study.truthOf(aiCases[i]) == cls;
                m += positive[i] ? 1 : 0;
            }
            result[cls] = m == 0 || m == aiCases.length ? null : Placements.of(scores, positive);
        }
        return result;
    }

    /** One reader's figure and the AI's on the same cases; the difference is computed from counts. */
    private record Paired(double difference, double reader, double ai) {
        static final Paired NONE = new Paired(Double.NaN, Double.NaN, Double.NaN);

        static Paired ofCounts(int readerCount, int aiCount, int denominator) {
            if (denominator == 0) {
                return NONE;
            }
            return new Paired((double) (readerCount - aiCount) / denominator, (double) readerCount / denominator,
                    (double) aiCount / denominator);
        }
    }

    /** One reader against the AI on the cases both answered. */
    private static final class ReaderVsAi {
        StudyReport.ReaderMcNemar mcnemar;
        Paired accuracy = Paired.NONE;
        Paired balancedAccuracy = Paired.NONE;
        Paired[] sensitivity;
        Paired[] specificity;
        final List<StudyReport.ReaderAucComparison> delong = new ArrayList<>();

        /** Counts both raters on the shared cases; McNemar (1947), DeLong et al. (1988) paired test per class. */
        static ReaderVsAi of(StudyData study, ReaderReadings rr, Placements[] aiOverAll, AnalysisSettings settings) {
            List<String> labels = study.labels();
            int k = labels.size();
            ReaderVsAi x = new ReaderVsAi();
            x.sensitivity = new Paired[k];
            x.specificity = new Paired[k];
            Arrays.fill(x.sensitivity, Paired.NONE);
            Arrays.fill(x.specificity, Paired.NONE);
            String id = study.readers().get(rr.reader()).id();
            int n = 0;
            int readerRight = 0;
            int aiRight = 0;
            int onlyReader = 0;
            int onlyAi = 0;
            int[] positives = new int[k];
            int[] tpReader = new int[k];
            int[] tpAi = new int[k];
            int[] chosenReader = new int[k];
            int[] chosenAi = new int[k];
            int[] shared = new int[rr.size()];
            for (int i = 0; i < rr.size(); i++) {
                int c = rr.caseAt(i);
                if (!study.aiPredicted(c)) {
                    continue;
                }
                shared[n++] = i;
                int t = study.truthOf(c);
                int a = rr.labelAt(i);
                int ai = study.aiLabel(c);
                boolean rOk = a == t;
                boolean aOk = ai == t;
                readerRight += rOk ? 1 : 0;
                aiRight += aOk ? 1 : 0;
                onlyReader += rOk && !aOk ? 1 : 0;
                onlyAi += aOk && !rOk ? 1 : 0;
                positives[t]++;
                tpReader[t] += rOk ? 1 : 0;
                tpAi[t] += aOk ? 1 : 0;
                chosenReader[a]++;
                chosenAi[ai]++;
            }
            if (n == 0) {
                return x;
            }
            x.mcnemar = new StudyReport.ReaderMcNemar(id, n, (double) readerRight / n, (double) aiRight / n,
                    McNemarTest.of(onlyReader, onlyAi));
            x.accuracy = Paired.ofCounts(readerRight, aiRight, n);
            double recallReader = 0;
            double recallAi = 0;
            int present = 0;
            for (int cls = 0; cls < k; cls++) {
                x.sensitivity[cls] = Paired.ofCounts(tpReader[cls], tpAi[cls], positives[cls]);
                int negatives = n - positives[cls];
                // TN = negatives - FP, FP = chosen - TP
                int tnReader = negatives - (chosenReader[cls] - tpReader[cls]);
                int tnAi = negatives - (chosenAi[cls] - tpAi[cls]);
                x.specificity[cls] = Paired.ofCounts(tnReader, tnAi, negatives);
                if (positives[cls] > 0) {
                    recallReader += x.sensitivity[cls].reader();
                    recallAi += x.sensitivity[cls].ai();
                    present++;
                }
            }
            double bReader = recallReader / present;
            double bAi = recallAi / present;
            x.balancedAccuracy = new Paired(bReader - bAi, bReader, bAi);
            boolean inCaseOrder = ascending(rr);
            for (int cls = 0; cls < k; cls++) {
                int m = positives[cls];
                if (m == 0 || m == n) {
                    continue;
                }
                double[] readerScores = new double[n];
                boolean[] positive = new boolean[n];
                for (int s = 0; s < n; s++) {
                    int i = shared[s];
                    int c = rr.caseAt(i);
                    readerScores[s] = StudyMrmc.rating(rr.labelAt(i) == cls, rr.confidenceAt(i));
                    positive[s] = study.truthOf(c) == cls;
                }
                // A reader who read every AI case, in case order, shares the AI's placements with every other such
                // reader.
                Placements ai = aiOverAll[cls] != null && n == aiCount(aiOverAll[cls]) && inCaseOrder
                        ? aiOverAll[cls] : Placements.of(aiScores(study, rr, shared, n, cls), positive);
                x.delong.add(new StudyReport.ReaderAucComparison(id, labels.get(cls),
                        DeLong.pairedTest(ai, Placements.of(readerScores, positive), settings.confidenceLevel())));
            }
            return x;
        }
    }

    /** The AI's scores for one class on the reader's shared cases (answers {@code shared[0..n)}). */
    private static double[] aiScores(StudyData study, ReaderReadings rr, int[] shared, int n, int cls) {
        double[] scores = new double[n];
        for (int s = 0; s < n; s++) {
            scores[s] = study.ai(rr.caseAt(shared[s]), cls);
        }
        return scores;
    }

    private static boolean ascending(ReaderReadings rr) {
        for (int i = 1; i < rr.size(); i++) {
            if (rr.caseAt(i) <= rr.caseAt(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static int aiCount(Placements p) {
        return p.positives() + p.negatives();
    }

    private static StudyReport.WilcoxonResult wilcoxon(String figure, String code, ReaderVsAi[] each,
                                                       Function<ReaderVsAi, Paired> pick) {
        List<Paired> defined = Arrays.stream(each).map(pick)
                .filter(p -> !Double.isNaN(p.difference())).toList();
        double[] d = defined.stream().mapToDouble(Paired::difference).toArray();
        WilcoxonSignedRankTest test = d.length == 0 ? null : WilcoxonSignedRankTest.of(d);
        return new StudyReport.WilcoxonResult(figure, code,
                Descriptives.mean(defined.stream().mapToDouble(Paired::reader).toArray()),
                Descriptives.mean(defined.stream().mapToDouble(Paired::ai).toArray()), test);
    }

    /**
     * The AI's sensitivity at the readers' mean specificity and specificity at their mean sensitivity (pROC coords
     * reading of the AI's ROC), with percentile bootstrap CIs from the same reader-and-case replicates as the panel;
     * and how many readers lie strictly below the AI's ROC at their own specificity (or sensitivity).
     */
    private static List<StudyReport.OperatingPointComparison> operatingPoints(StudyData study, double[][] point,
                                                                          PanelBootstrap.Replicates replicates,
                                                                          AnalysisSettings settings) {
        List<String> labels = study.labels();
        int[] aiCases = aiCases(study);
        List<StudyReport.OperatingPointComparison> result = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            double[] scores = new double[aiCases.length];
            boolean[] positive = new boolean[aiCases.length];
            int m = 0;
            for (int i = 0; i < aiCases.length; i++) {
                scores[i] = study.ai(aiCases[i], c);
                positive[i] = study.truthOf(aiCases[i]) == c;
                m += positive[i] ? 1 : 0;
            }
            double[] sens = StudyAnalyzer.column(point, ReaderFigures.classFigure(c, ReaderFigures.SENSITIVITY));
            double[] spec = StudyAnalyzer.column(point, ReaderFigures.classFigure(c, ReaderFigures.SPECIFICITY));
            double meanSens = Descriptives.mean(sens);
            double meanSpec = Descriptives.mean(spec);
            if (m == 0 || m == aiCases.length) {
                result.add(new StudyReport.OperatingPointComparison(labels.get(c), 0, meanSens, meanSpec,
                        new StudyReport.Interval(Double.NaN, Double.NaN, Double.NaN),
                        new StudyReport.Interval(Double.NaN, Double.NaN, Double.NaN), 0, 0));
                continue;
            }
            RocCurve roc = RocCurve.of(scores, positive);
            int readers = 0;
            int beatenAtSpec = 0;
            int beatenAtSens = 0;
            for (int j = 0; j < point.length; j++) {
                if (Double.isNaN(sens[j]) || Double.isNaN(spec[j])) {
                    continue;
                }
                readers++;
                if (roc.sensitivityAtSpecificity(spec[j]) > sens[j]) {
                    beatenAtSpec++;
                }
                if (roc.specificityAtSensitivity(sens[j]) > spec[j]) {
                    beatenAtSens++;
                }
            }
            double[] sensCi = {Double.NaN, Double.NaN};
            double[] specCi = {Double.NaN, Double.NaN};
            if (replicates != null) {
                sensCi = PanelBootstrap.percentileInterval(replicates.aiSensitivityAtMeanSpecificity()[c],
                        settings.confidenceLevel());
                specCi = PanelBootstrap.percentileInterval(replicates.aiSpecificityAtMeanSensitivity()[c],
                        settings.confidenceLevel());
            }
            result.add(new StudyReport.OperatingPointComparison(labels.get(c), readers, meanSens, meanSpec,
                    new StudyReport.Interval(roc.sensitivityAtSpecificity(meanSpec), sensCi[0], sensCi[1]),
                    new StudyReport.Interval(roc.specificityAtSensitivity(meanSens), specCi[0], specCi[1]),
                    beatenAtSpec, beatenAtSens, roc.bestSensitivityAtSpecificity(meanSpec),
                    roc.bestSpecificityAtSensitivity(meanSens)));
        }
        return result;
    }
}
