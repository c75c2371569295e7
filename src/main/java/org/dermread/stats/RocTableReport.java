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

    /** One score column. */
    public record Score(String name, AucEstimate auc, RocPoint youden, List<RocPoint> roc) {
    }

    /** DeLong's paired test of score A against score B. */
    public record Pair(String scoreA, String scoreB, PairedAucTest test) {
    }

    /** DeLong et al. (1988) estimates and paired tests for every score column (Sun &amp; Xu 2014 algorithm). */
    public static RocTableReport analyze(List<String> names, double[][] scoresByColumn, boolean[] truth,
                                         double confidenceLevel) {
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
            scores.add(new Score(names.get(s), DeLong.estimate(p, confidenceLevel), roc.youden(), roc.points()));
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
