package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary ROC table (case, truth 0/1, one or more score columns): each score's ROC, AUC with DeLong CI and Youden
 * point, and the paired DeLong test of every pair of scores.
 */
public record RocTableReport(int schemaVersion, int cases, int positives, int negatives, List<Score> scores,
                             List<Pair> paired) {

    public RocTableReport {
        scores = List.copyOf(scores);
        paired = List.copyOf(paired);
    }

    /**
     * One score column.
     *
     * @param operatingPoints   the Youden and closest-to-top-left points (see {@link RocCurve#optimalPoints()})
     * @param bootstrap         stratified percentile bootstrap of the AUC (null without replicates)
     * @param atSpecificity     the sensitivity read at each target specificity, and the conservative point
     * @param atSensitivity     the specificity read at each target sensitivity, and the conservative point
     */
    public record Score(String name, AucEstimate auc, RocPoint youden, List<RocPoint> roc,
                        List<OperatingPoint> operatingPoints, AucBootstrap.Interval bootstrap,
                        List<Coordinate> atSpecificity, List<Coordinate> atSensitivity) {

        /** The AUC, Youden point and curve only. */
        public Score(String name, AucEstimate auc, RocPoint youden, List<RocPoint> roc) {
            this(name, auc, youden, roc, List.of(), null, List.of(), List.of());
        }
    }

    /**
     * The curve read at a target: {@code value} as pROC's {@code coords} interpolates it, and the conservative point
     * (the best attainable value with the target reached, with its threshold; null when none).
     */
    public record Coordinate(double target, double value, OperatingPoint conservative) {
    }

    /** DeLong's paired test of score A against score B. */
    public record Pair(String scoreA, String scoreB, PairedAucTest test) {
    }

    /** DeLong et al. (1988) estimates and paired tests for every score column (Sun &amp; Xu 2014 algorithm). */
    public static RocTableReport analyze(List<String> names, double[][] scoresByColumn, boolean[] truth,
                                         double confidenceLevel) {
        return analyze(names, scoresByColumn, truth, RocOptions.level(confidenceLevel));
    }

    /**
     * Everything of {@link #analyze(List, double[][], boolean[], double)} plus, per score, the optimal operating
     * points, the bootstrap interval and the readings at the targets of {@code options}.
     */
    public static RocTableReport analyze(List<String> names, double[][] scoresByColumn, boolean[] truth,
                                         RocOptions options) {
        double confidenceLevel = options.confidenceLevel();
        if (names.size() != scoresByColumn.length) {
            throw new IllegalArgumentException("one name per score column is needed");
        }
        int m = 0;
        for (boolean t : truth) {
            m += t ? 1 : 0;
        }
        List<Score> scores = new ArrayList<>();
        List<Placements> placements = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            Placements p = Placements.of(scoresByColumn[s], truth);
            placements.add(p);
            RocCurve roc = RocCurve.of(scoresByColumn[s], truth);
            AucBootstrap.Interval bootstrap = options.bootstrapReplicates() == 0 ? null
                    : AucBootstrap.stratified(scoresByColumn[s], truth, options.bootstrapReplicates(), options.seed(),
                    confidenceLevel);
            List<Coordinate> atSpecificity = options.specificities().stream()
                    .map(x -> new Coordinate(x, roc.sensitivityAtSpecificity(x), roc.bestSensitivityAtSpecificity(x)))
                    .toList();
            List<Coordinate> atSensitivity = options.sensitivities().stream()
                    .map(x -> new Coordinate(x, roc.specificityAtSensitivity(x), roc.bestSpecificityAtSensitivity(x)))
                    .toList();
            scores.add(new Score(names.get(s), DeLong.estimate(p, confidenceLevel), roc.youden(), roc.points(),
                    roc.optimalPoints(), bootstrap, atSpecificity, atSensitivity));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                pairs.add(new Pair(names.get(a), names.get(b),
                        DeLong.pairedTest(placements.get(a), placements.get(b), confidenceLevel)));
            }
        }
        return new RocTableReport(1, truth.length, m, truth.length - m, scores, pairs);
    }
}
