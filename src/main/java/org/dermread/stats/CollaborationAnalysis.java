package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Human-AI collaboration by arm: each reader reads unaided first, then with one form of AI help (the reader's arm);
 * which form helps whom, and how readers follow wrong advice (the design of Tschandl et al., Nat Med 2020;26:1229,
 * doi 10.1038/s41591-020-0942-0).
 *
 * <p>Per arm: the readers' mean unaided and aided accuracy, the mean gain (aided - unaided accuracy; positive is an
 * improvement) and the mean gain in balanced accuracy (mean per-class sensitivity), per class the mean gain in
 * one-vs-rest sensitivity and specificity (Altman &amp; Bland, BMJ 1994;308:1552), the mean per-reader switching
 * rates of {@link AnswerChanges} (reliance when the AI was right, over-reliance when it was wrong), the accuracy on
 * the cases the AI got wrong (unaided, aided), and the mean gain per experience group. Readers are the unit: each
 * figure is a mean over the arm's readers of that reader's figure (readers for whom it is undefined left out).
 *
 * <p>Intervals: a two-way percentile bootstrap that resamples the cases (all arms share them) and, within each arm,
 * the readers (readers are nested in arms), as in the multiple-bootstrap of Beiden, Wagner &amp; Campbell (Acad
 * Radiol 2000;7:341) and Efron &amp; Tibshirani (An Introduction to the Bootstrap, 1993, ch. 13). Between two arms,
 * the difference in mean gain (second minus first) gets the percentile interval of the same replicates and a Wald
 * test with the bootstrap standard error (Efron &amp; Tibshirani 1993, ch. 6 and 16), so both case and reader
 * variability are in it. Replicate b has its own generator seeded from (seed, b): the numbers do not depend on the
 * number of threads.
 */
public final class CollaborationAnalysis {

    /** A figure with its bootstrap percentile interval; NaN where undefined (e.g. no reader in the group). */
    public record Estimate(double value, double lower, double upper) {
    }

    /**
     * One arm's figures; {@code changes} holds each reader's answer changes, in the order of the readers;
     * {@code classGains} one entry per label, in label order.
     */
    public record ArmResult(String arm, int readers, Estimate unaidedAccuracy, Estimate aidedAccuracy,
                            Estimate gain, Estimate balancedAccuracyGain, Estimate reliance, Estimate overReliance,
                            Estimate accuracyOnAiWrongUnaided, Estimate accuracyOnAiWrongAided,
                            Map<String, Estimate> gainByGroup, Map<Integer, AnswerChanges> changes,
                            List<ClassGain> classGains) {

        public ArmResult {
            classGains = List.copyOf(classGains);
        }
    }

    /**
     * The mean gain (aided - unaided) in one class's one-vs-rest sensitivity and specificity; a reader's figure is
     * undefined (left out) when the cases that reader read twice hold no case of the class (sensitivity) or only
     * cases of it (specificity).
     */
    public record ClassGain(int label, Estimate sensitivityGain, Estimate specificityGain) {
    }

    /** Mean gain of {@code second} minus that of {@code first}, with interval and two-sided Wald p value. */
    public record ArmDifference(String first, String second, Estimate gainDifference, double standardError,
                                double p) {
    }

    /** The whole collaboration analysis. */
    public record Result(List<ArmResult> arms, List<ArmDifference> differences, double level, int replicates,
                         long seed) {
    }

    /** Per-arm figures in the order of {@link #FIGURES}. */
    private static final int UNAIDED = 0;
    private static final int AIDED = 1;
    private static final int GAIN = 2;
    private static final int BALANCED_GAIN = 3;
    private static final int RELIANCE = 4;
    private static final int OVER_RELIANCE = 5;
    private static final int AI_WRONG_UNAIDED = 6;
    private static final int AI_WRONG_AIDED = 7;
    private static final int FIGURES = 8;

    private final int k;
    private final int[] truth;
    private final int[] aiTop1;
    private final int[][] before;
    private final int[][] after;
    private final List<String> arms;
    private final int[][] readersOfArm;
    private final List<String> groups;
    private final int[] groupOfReader;
    /** Figures per reader: the {@link #FIGURES} above, then sensitivity and specificity gain per class. */
    private final int readerFigureCount;

    private CollaborationAnalysis(int k, int[] truth, int[] aiTop1, int[][] before, int[][] after,
            String[] armOfReader, String[] groupOfReader) {
        this.k = k;
        this.truth = truth;
        this.aiTop1 = aiTop1;
        this.before = before;
        this.after = after;
        this.arms = Arrays.stream(armOfReader).distinct().toList();
        this.readersOfArm = arms.stream().map(arm -> IntStream.range(0, armOfReader.length)
                .filter(j -> armOfReader[j].equals(arm)).toArray()).toArray(int[][]::new);
        this.groups = Arrays.stream(groupOfReader).distinct().sorted().toList();
        this.groupOfReader = Arrays.stream(groupOfReader).mapToInt(groups::indexOf).toArray();
        this.readerFigureCount = FIGURES + 2 * k;
    }

    private static int sensitivityGainFigure(int label) {
        return FIGURES + 2 * label;
    }

    private static int specificityGainFigure(int label) {
        return FIGURES + 2 * label + 1;
    }

    /**
     * @param k            number of labels
     * @param truth        true label index per case
     * @param aiTop1       the AI's top-1 label index per case, -1 where it has none
     * @param unaided      each reader's unaided readings ({@link ReaderReadings#reader()} is the reader's index)
     * @param aided        each reader's aided readings
     * @param armOfReader  the arm of each reader (by index); arms appear in the result in order of first mention
     * @param groupOfReader the experience group of each reader (by index)
     */
    public static Result analyze(int k, int[] truth, int[] aiTop1, List<ReaderReadings> unaided,
            List<ReaderReadings> aided, String[] armOfReader, String[] groupOfReader, int replicates, long seed,
            double level) {
        int r = armOfReader.length;
        if (groupOfReader.length != r || aiTop1.length != truth.length) {
            throw new IllegalArgumentException("one arm and one group per reader and one AI answer per case needed");
        }
        int[][] before = new int[r][];
        int[][] after = new int[r][];
        for (ReaderReadings readings : unaided) {
            before[readings.reader()] = AnswerChanges.answersByCase(truth.length, readings);
        }
        for (ReaderReadings readings : aided) {
            after[readings.reader()] = AnswerChanges.answersByCase(truth.length, readings);
        }
        for (int j = 0; j < r; j++) {
            if (before[j] == null || after[j] == null) {
                throw new IllegalArgumentException("reader " + j + " has no readings in one of the phases");
            }
        }
        return new CollaborationAnalysis(k, truth, aiTop1, before, after, armOfReader, groupOfReader)
                .run(replicates, seed, level);
    }

    private Result run(int replicates, long seed, double level) {
        int n = truth.length;
        int[] once = new int[n];
        Arrays.fill(once, 1);
        double[][] readerFigures = readerFigures(once);
        double[][][] boot = new double[arms.size()][readerFigureCount + groups.size()][replicates];
        IntStream.range(0, replicates).parallel().forEach(b -> replicate(b, seed, boot));
        List<ArmResult> armResults = new ArrayList<>();
        double[][] pointGain = new double[arms.size()][];
        for (int a = 0; a < arms.size(); a++) {
            int[] members = readersOfArm[a];
            double[] point = armMeans(readerFigures, members, identity(members.length));
            pointGain[a] = point;
            Estimate[] estimates = new Estimate[readerFigureCount + groups.size()];
            for (int f = 0; f < estimates.length; f++) {
                estimates[f] = estimate(point[f], boot[a][f], level);
            }
            Map<String, Estimate> byGroup = new LinkedHashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                byGroup.put(groups.get(g), estimates[readerFigureCount + g]);
            }
            List<ClassGain> classGains = new ArrayList<>();
            for (int label = 0; label < k; label++) {
                classGains.add(new ClassGain(label, estimates[sensitivityGainFigure(label)],
                        estimates[specificityGainFigure(label)]));
            }
            Map<Integer, AnswerChanges> changes = new LinkedHashMap<>();
            for (int j : members) {
                changes.put(j, changesOf(j));
            }
            armResults.add(new ArmResult(arms.get(a), members.length, estimates[UNAIDED], estimates[AIDED],
                    estimates[GAIN], estimates[BALANCED_GAIN], estimates[RELIANCE], estimates[OVER_RELIANCE],
                    estimates[AI_WRONG_UNAIDED], estimates[AI_WRONG_AIDED], byGroup, changes, classGains));
        }
        List<ArmDifference> differences = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            for (int c = a + 1; c < arms.size(); c++) {
                double[] replicateDifferences = new double[replicates];
                for (int b = 0; b < replicates; b++) {
                    replicateDifferences[b] = boot[c][GAIN][b] - boot[a][GAIN][b];
                }
                double value = pointGain[c][GAIN] - pointGain[a][GAIN];
                Estimate difference = estimate(value, replicateDifferences, level);
                double se = standardDeviation(replicateDifferences);
                double p = se > 0 ? 2 * (1 - DeLong.normalCdf(Math.abs(value) / se)) : Double.NaN;
                differences.add(new ArmDifference(arms.get(a), arms.get(c), difference, se, p));
            }
        }
        return new Result(armResults, differences, level, replicates, seed);
    }

    private AnswerChanges changesOf(int reader) {
        int[] n = new int[13];
        for (int c = 0; c < truth.length; c++) {
            AnswerChanges.count(n, truth[c], aiTop1[c], before[reader][c], after[reader][c], 1);
        }
        return AnswerChanges.fromCounts(n);
    }

    /** One replicate: case weights drawn once for all arms, readers drawn within each arm. */
    private void replicate(int b, long seed, double[][][] boot) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
        int n = truth.length;
        int[] weight = new int[n];
        for (int i = 0; i < n; i++) {
            weight[random.nextInt(n)]++;
        }
        double[][] readerFigures = readerFigures(weight);
        for (int a = 0; a < arms.size(); a++) {
            int[] members = readersOfArm[a];
            int[] drawn = new int[members.length];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = random.nextInt(members.length);
            }
            double[] means = armMeans(readerFigures, members, drawn);
            for (int f = 0; f < means.length; f++) {
                boot[a][f][b] = means[f];
            }
        }
    }

    /** Each reader's figures (the per-arm figures before averaging) on cases weighted by how often they were drawn. */
    private double[][] readerFigures(int[] weight) {
        int r = before.length;
        double[][] figures = new double[r][];
        for (int j = 0; j < r; j++) {
            int[] counts = new int[13];
            int[] perClass = new int[k];
            int[] rightBefore = new int[k];
            int[] rightAfter = new int[k];
            int[] chosenWronglyBefore = new int[k];
            int[] chosenWronglyAfter = new int[k];
            int paired = 0;
            for (int c = 0; c < truth.length; c++) {
                int w = weight[c];
                if (w == 0 || before[j][c] < 0 || after[j][c] < 0) {
                    continue;
                }
                AnswerChanges.count(counts, truth[c], aiTop1[c], before[j][c], after[j][c], w);
                perClass[truth[c]] += w;
                rightBefore[truth[c]] += before[j][c] == truth[c] ? w : 0;
                rightAfter[truth[c]] += after[j][c] == truth[c] ? w : 0;
                chosenWronglyBefore[before[j][c]] += before[j][c] != truth[c] ? w : 0;
                chosenWronglyAfter[after[j][c]] += after[j][c] != truth[c] ? w : 0;
                paired += w;
            }
            AnswerChanges changes = AnswerChanges.fromCounts(counts);
            double balancedBefore = 0;
            double balancedAfter = 0;
            int classes = 0;
            for (int cls = 0; cls < k; cls++) {
                if (perClass[cls] > 0) {
                    balancedBefore += (double) rightBefore[cls] / perClass[cls];
                    balancedAfter += (double) rightAfter[cls] / perClass[cls];
                    classes++;
                }
            }
            double[] f = new double[readerFigureCount];
            for (int cls = 0; cls < k; cls++) {
                int negatives = paired - perClass[cls];
                f[sensitivityGainFigure(cls)] = perClass[cls] == 0 ? Double.NaN
                        : (double) (rightAfter[cls] - rightBefore[cls]) / perClass[cls];
                // specificity = 1 - false positives / negatives, so its gain is the fall in false positives
                f[specificityGainFigure(cls)] = negatives == 0 ? Double.NaN
                        : (double) (chosenWronglyBefore[cls] - chosenWronglyAfter[cls]) / negatives;
            }
            f[UNAIDED] = changes.unaidedAccuracy();
            f[AIDED] = changes.aidedAccuracy();
            f[GAIN] = changes.gain();
            f[BALANCED_GAIN] = classes == 0 ? Double.NaN : (balancedAfter - balancedBefore) / classes;
            f[RELIANCE] = changes.reliance();
            f[OVER_RELIANCE] = changes.overReliance();
            f[AI_WRONG_UNAIDED] = changes.accuracyOnAiWrongUnaided();
            f[AI_WRONG_AIDED] = changes.accuracyOnAiWrongAided();
            figures[j] = f;
        }
        return figures;
    }

    /** Means over the drawn readers (positions into {@code members}) of each figure, then the gain per group. */
    private double[] armMeans(double[][] readerFigures, int[] members, int[] drawn) {
        double[] means = new double[readerFigureCount + groups.size()];
        for (int f = 0; f < readerFigureCount; f++) {
            double sum = 0;
            int count = 0;
            for (int position : drawn) {
                double v = readerFigures[members[position]][f];
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            means[f] = count == 0 ? Double.NaN : sum / count;
        }
        for (int g = 0; g < groups.size(); g++) {
            double sum = 0;
            int count = 0;
            for (int position : drawn) {
                int j = members[position];
                double v = readerFigures[j][GAIN];
                if (groupOfReader[j] == g && !Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            means[readerFigureCount + g] = count == 0 ? Double.NaN : sum / count;
        }
        return means;
    }

    private static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** The point value with the percentile interval of the replicates in which the figure is defined. */
    private static Estimate estimate(double value, double[] replicates, double level) {
        double[] defined = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (Double.isNaN(value) || defined.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        return new Estimate(value, Descriptives.quantileOfSorted(defined, defined.length, (1 - level) / 2),
                Descriptives.quantileOfSorted(defined, defined.length, (1 + level) / 2));
    }

    private static double standardDeviation(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (defined.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(defined).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : defined) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (defined.length - 1));
    }
}
