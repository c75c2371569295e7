package org.dermread.stats;

import java.math.BigInteger;
import java.util.List;

/**
 * An operating point of an empirical ROC curve (call a case positive when its score is at least {@code threshold}),
 * with its 2 x 2 table, as pROC's {@code coords(..., ret = c("threshold", "sensitivity", "specificity", "accuracy",
 * "tp", "fp", "tn", "fn"))} reports it (Robin et al. 2011, BMC Bioinformatics 12:77).
 *
 * @param criterion   "youden" (maximum sensitivity + specificity; Youden 1950, Cancer 3:32), "closest_topleft"
 *                    (minimum (1 - sensitivity)^2 + (1 - specificity)^2; pROC's best.method = "closest.topleft"), or
 *                    "specificity_at_least" / "sensitivity_at_least" for a conservative reading at a target
 * @param threshold   a score value (pROC prints the midpoint to the next lower score); +Infinity calls nothing positive
 * @param youdenJ     sensitivity + specificity - 1
 * @param tiedOptima  for "youden" and "closest_topleft", how many points reach the optimum (compared exactly, in whole
 *                    numbers); the one reported has the lowest threshold (pROC's first row). 1 otherwise.
 */
public record OperatingPoint(String criterion, double threshold, double sensitivity, double specificity,
                             double accuracy, int truePositives, int falsePositives, int trueNegatives,
                             int falseNegatives, double youdenJ, int tiedOptima) {

    public static final String YOUDEN = "youden";
    public static final String CLOSEST_TOP_LEFT = "closest_topleft";
    public static final String SPECIFICITY_AT_LEAST = "specificity_at_least";
    public static final String SENSITIVITY_AT_LEAST = "sensitivity_at_least";

    /** The point with its counts recovered from its fractions (sensitivity = TP/m, specificity = TN/n exactly). */
    static OperatingPoint of(String criterion, RocPoint p, int positives, int negatives, int tied) {
        if (positives <= 0 || negatives <= 0) {
            throw new IllegalArgumentException("operating points need the numbers of positive and negative cases");
        }
        int tp = (int) Math.round(p.sensitivity() * positives);
        int tn = (int) Math.round(p.specificity() * negatives);
        return new OperatingPoint(criterion, p.threshold(), p.sensitivity(), p.specificity(),
                (double) (tp + tn) / (positives + negatives), tp, negatives - tn, tn, positives - tp,
                p.sensitivity() + p.specificity() - 1, tied);
    }

    /**
     * The Youden and closest-to-top-left points of a curve. Optima are compared exactly: J m n = TP n + TN m and
     * d^2 m^2 n^2 = (m - TP)^2 n^2 + (n - TN)^2 m^2 are whole numbers, so points that tie mathematically tie here,
     * whatever the rounding of their fractions.
     */
    static List<OperatingPoint> optima(List<RocPoint> points, int m, int n) {
        long[] jScore = new long[points.size()];
        BigInteger[] distance = new BigInteger[points.size()];
        BigInteger m2 = BigInteger.valueOf((long) m * m);
        BigInteger n2 = BigInteger.valueOf((long) n * n);
        int bestJ = 0;
        int bestD = 0;
        for (int i = 0; i < points.size(); i++) {
            long tp = Math.round(points.get(i).sensitivity() * m);
            long tn = Math.round(points.get(i).specificity() * n);
            jScore[i] = tp * n + tn * m;
            distance[i] = BigInteger.valueOf((m - tp) * (m - tp)).multiply(n2)
                    .add(BigInteger.valueOf((n - tn) * (n - tn)).multiply(m2));
            // strictly better only: among ties the first, lowest threshold, stays
            bestJ = jScore[i] > jScore[bestJ] ? i : bestJ;
            bestD = distance[i].compareTo(distance[bestD]) < 0 ? i : bestD;
        }
        int tiesJ = 0;
        int tiesD = 0;
        for (int i = 0; i < points.size(); i++) {
            tiesJ += jScore[i] == jScore[bestJ] ? 1 : 0;
            tiesD += distance[i].equals(distance[bestD]) ? 1 : 0;
        }
        return List.of(of(YOUDEN, points.get(bestJ), m, n, tiesJ),
                of(CLOSEST_TOP_LEFT, points.get(bestD), m, n, tiesD));
    }
}
