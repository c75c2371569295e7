package org.dermread.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Empirical ROC curve of a continuous or ordinal score (Metz 1978, Semin Nucl Med 8:283): one point per distinct
 * score (rule "score &gt;= threshold" is positive) plus the point (0, 1) at threshold +Infinity, ordered by increasing
 * threshold, i.e. increasing specificity, the order pROC uses.
 *
 * @param points     all operating points, increasing threshold
 * @param positives  number of positive cases
 * @param negatives  number of negative cases
 */
public record RocCurve(List<RocPoint> points, int positives, int negatives) {

    public RocCurve {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a ROC curve has at least one point");
        }
    }

    /** Builds every operating point in O(N log N) (Metz 1978; ties form one point, as in pROC). */
    public static RocCurve of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and truth differ in length");
        }
        int m = 0;
        for (boolean p : positive) {
            if (p) {
                m++;
            }
        }
        int n = scores.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("a ROC curve needs positive and negative cases");
        }
        double[] pos = new double[m];
        double[] neg = new double[n];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("scores must not be NaN");
            }
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] all = scores.clone();
        Arrays.sort(all);
        List<RocPoint> points = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (i > 0 && all[i] == all[i - 1]) {
                continue;
            }
            double t = all[i];
            int tp = m - Placements.lowerBound(pos, t);
            int tn = Placements.lowerBound(neg, t);
            points.add(new RocPoint(t, (double) tp / m, (double) tn / n));
        }
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 1));
        return new RocCurve(points, m, n);
    }

    /**
     * Sensitivity at a given specificity, the way pROC's {@code coords(input = "specificity")} reads the curve:
     * the highest sensitivity among points with exactly that specificity (within 1e-12, see {@link RocLookup}),
     * otherwise linear interpolation between the neighbouring points of the ROC polyline. NaN outside [0, 1].
     */
    public double sensitivityAtSpecificity(double specificity) {
        return RocLookup.sensitivityAt(lookup(), specificity);
    }

    /**
     * Specificity at a given sensitivity, as pROC's {@code coords(input = "sensitivity")}: the highest specificity
     * among points with exactly that sensitivity, otherwise linear interpolation along the polyline.
     */
    public double specificityAtSensitivity(double sensitivity) {
        return RocLookup.specificityAt(lookup(), sensitivity);
    }

    /**
     * The Youden and the closest-to-top-left operating points with their 2 x 2 tables and the number of tied optima
     * (see {@link OperatingPoint#optima}); as pROC's {@code coords(roc, "best", best.method = "youden")} and
     * {@code best.method = "closest.topleft"}.
     */
    public List<OperatingPoint> optimalPoints() {
        return OperatingPoint.optima(points, positives, negatives);
    }

    /**
     * The conservative reading at a target specificity: the attainable point with the best sensitivity among those
     * whose specificity is at least the target (a target within 1e-12 of a point's specificity counts as reaching it);
     * null when no point qualifies (target above 1).
     */
    public OperatingPoint bestSensitivityAtSpecificity(double specificity) {
        if (Double.isNaN(specificity)) {
            return null;
        }
        int i = RocLookup.bestAtSpecificity(lookup(), specificity);
        return i < 0 ? null : OperatingPoint.of(OperatingPoint.SPECIFICITY_AT_LEAST, points.get(i), positives,
                negatives, 1);
    }

    /** The conservative reading at a target sensitivity: best specificity with sensitivity at least the target. */
    public OperatingPoint bestSpecificityAtSensitivity(double sensitivity) {
        if (Double.isNaN(sensitivity)) {
            return null;
        }
        int i = RocLookup.bestAtSensitivity(lookup(), sensitivity);
        return i < 0 ? null : OperatingPoint.of(OperatingPoint.SENSITIVITY_AT_LEAST, points.get(i), positives,
                negatives, 1);
    }

    private RocLookup.Points lookup() {
        return new RocLookup.Points() {
            @Override
            public int size() {
                return points.size();
            }

            @Override
            public double sensitivity(int i) {
                return points.get(i).sensitivity();
            }

            @Override
            public double specificity(int i) {
                return points.get(i).specificity();
            }
        };
    }

    /**
     * The operating point maximising Youden's J = sensitivity + specificity - 1 (Youden 1950, Cancer 3:32); among
     * ties the one with the lowest threshold (pROC's first row of {@code coords("best")}). The threshold is a score
     * value: "score &gt;= threshold" is positive (pROC prints the midpoint to the next lower score instead).
     */
    public RocPoint youden() {
        RocPoint best = points.get(0);
        double bestJ = best.sensitivity() + best.specificity();
        for (RocPoint p : points) {
            double j = p.sensitivity() + p.specificity();
            if (j > bestJ) {
                best = p;
                bestJ = j;
            }
        }
        return best;
    }
}
