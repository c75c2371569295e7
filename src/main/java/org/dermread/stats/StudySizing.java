package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How many readers and cases a pivotal study needs, from a pilot's Obuchowski-Rockette variance components (Hillis,
 * Obuchowski &amp; Berbaum 2011, Acad Radiol 18:129-142, "Power estimation for multireader ROC methods: an updated
 * and unified approach"; Hillis &amp; Obuchowski 2011 for the OR/Hillis test; as RJafroc's SsPowerGivenJKOrVarComp and
 * iMRMC's sizing). Two modalities, random readers and cases, the Hillis (2007) test at two-sided level alpha.
 *
 * <p>For r readers and c cases, with the pilot's c* cases, error covariances that scale as c* / c (the same mix of
 * positive and negative cases), and sigma^2_TR = max(pilot sigma^2_TR, 0):
 * D = sigma^2_TR + (c* / c)[Var - Cov1 + (r - 1) max(Cov2 - Cov3, 0)] is the expected F denominator, the noncentrality
 * is lambda = r d^2 / (2 D) for an expected difference d, the denominator df are ddf = (r - 1) D^2 /
 * {sigma^2_TR + (c* / c)[Var - Cov1 - max(Cov2 - Cov3, 0)]}^2, and power = P(F'(1, ddf, lambda) &gt; F(1 - alpha; 1,
 * ddf)). The expected confidence interval of the difference is d +- t(1 - alpha/2; ddf) sqrt(2 D / r).
 */
public final class StudySizing {

    /** The reader counts a sizing table lists unless others are asked for: 3 to 15, then 20, 25 and 30. */
    public static final List<Integer> DEFAULT_READERS = List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 25,
            30);

    /** The largest number of cases a sizing searches unless another is asked for. */
    public static final int DEFAULT_MAX_CASES = 5000;

    private StudySizing() {
    }

    /**
     * The OR analysis of one figure of merit of a study's MRMC comparison, to be used as the pilot of a sizing: overall
     * accuracy ({@link FigureOfMerit#PROPORTION}, no class) or a class's AUC, sensitivity or specificity.
     *
     * @param code the class (or group) code; null for accuracy
     * @throws IllegalArgumentException saying why, when the comparison has no such analysis (no such class, too few
     *                                  readers or cases, unbiased covariances of a design that is not fully crossed)
     */
    public static OrResult pilotAnalysis(StudyReport.MrmcReport mrmc, FigureOfMerit figure, String code,
                                         CovarianceMethod method) {
        String what = figure == FigureOfMerit.PROPORTION ? "accuracy" : figure.name().toLowerCase(Locale.ROOT);
        StudyReport.MrmcFom fom;
        if (figure == FigureOfMerit.PROPORTION) {
            fom = mrmc.accuracy();
        } else {
            StudyReport.MrmcClass cls = mrmc.classes().stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the MRMC comparison has no class " + code));
            fom = switch (figure) {
                case AUC -> cls.auc();
                case SENSITIVITY -> cls.sensitivity();
                default -> cls.specificity();
            };
        }
        OrResult or = switch (method) {
            case DELONG -> fom.delong();
            case JACKKNIFE -> fom.jackknife();
            case UNBIASED -> fom.unbiased();
        };
        if (or == null) {
            throw new IllegalArgumentException("no " + method.name().toLowerCase(Locale.ROOT) + " analysis of "
                    + what + (code == null ? "" : " of " + code) + ": " + (fom.note() != null ? fom.note()
                    : "unbiased covariances need every reader to read every case in both modalities"));
        }
        return or;
    }

    /**
     * The pilot's components.
     *
     * @param cases            c*, the pilot's cases
     * @param varTreatmentReader sigma^2_TR (negative estimates are used as 0)
     */
    public record Pilot(int cases, double varTreatmentReader, double errorVariance, double cov1, double cov2,
                        double cov3) {

        public Pilot {
            if (cases < 2) {
                throw new IllegalArgumentException("a pilot needs at least 2 cases");
            }
            for (double v : new double[] {varTreatmentReader, errorVariance, cov1, cov2, cov3}) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the pilot's variance components must be finite");
                }
            }
        }

        /** The components of an OR analysis of two modalities (any covariance method). */
        public static Pilot of(OrResult or) {
            OrResult.Components k = or.components();
            return new Pilot(or.cases(), k.varTreatmentReader(), k.errorVariance(), k.cov1(), k.cov2(), k.cov3());
        }
    }

    /**
     * One design.
     *
     * @param expectedCiWidth full width (upper - lower) of the expected confidence interval of the difference
     */
    public record Design(int readers, int cases, double power, double ddf, double noncentrality,
                         double expectedCiWidth) {
    }

    /**
     * A sizing table: for each number of readers, the fewest cases that reach the target (power, or CI width), or
     * cases = -1 when no number of cases up to {@code maxCases} does (the reader variance alone is too large).
     */
    public record Table(Pilot pilot, double effect, double alpha, double targetPower, double targetWidth,
                        List<Design> designs) {

        public Table {
            designs = List.copyOf(designs);
        }
    }

    /** Power and expected CI of r readers and c cases for an expected difference {@code effect}. */
    public static Design design(Pilot pilot, int readers, int cases, double effect, double alpha) {
        if (readers < 2 || cases < 2) {
            throw new IllegalArgumentException("a design needs at least 2 readers and 2 cases");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1)");
        }
        double varTR = Math.max(pilot.varTreatmentReader(), 0);
        double scale = (double) pilot.cases() / cases;
        double cov23 = Math.max(pilot.cov2() - pilot.cov3(), 0);
        double denominator = varTR + scale * (pilot.errorVariance() - pilot.cov1() + (readers - 1) * cov23);
        double msTR = varTR + scale * (pilot.errorVariance() - pilot.cov1() - cov23);
        double ddf = msTR > 0 ? (readers - 1) * denominator * denominator / (msTR * msTR) : Double.POSITIVE_INFINITY;
        double lambda = readers * effect * effect / (2 * denominator);
        double power = NoncentralF.upperTail(NoncentralF.criticalValue(alpha, 1, ddf), 1, ddf, lambda);
        double width = 2 * OrTests.tQuantile(ddf, 1 - alpha) * Math.sqrt(2 * denominator / readers);
        return new Design(readers, cases, power, ddf, lambda, width);
    }

    /** The fewest cases for each reader count to reach {@code targetPower} (searched up to {@code maxCases}). */
    public static Table forPower(Pilot pilot, double effect, double alpha, double targetPower, List<Integer> readers,
                                 int maxCases) {
        if (!(targetPower > 0 && targetPower < 1)) {
            throw new IllegalArgumentException("target power must lie in (0, 1)");
        }
        if (!(effect != 0 && Double.isFinite(effect))) {
            throw new IllegalArgumentException("the expected difference must be a non-zero number");
        }
        List<Design> designs = new ArrayList<>();
        for (int r : readers) {
            designs.add(smallest(pilot, r, effect, alpha, maxCases, d -> d.power() >= targetPower));
        }
        return new Table(pilot, effect, alpha, targetPower, Double.NaN, designs);
    }

    /**
     * The fewest cases for each reader count whose expected (1 - alpha) interval of the difference is at most
     * {@code targetWidth} wide; power is reported for {@code effect}.
     */
    public static Table forCiWidth(Pilot pilot, double effect, double alpha, double targetWidth, List<Integer> readers,
                                   int maxCases) {
        if (!(targetWidth > 0)) {
            throw new IllegalArgumentException("the target width must be positive");
        }
        List<Design> designs = new ArrayList<>();
        for (int r : readers) {
            designs.add(smallest(pilot, r, effect, alpha, maxCases, d -> d.expectedCiWidth() <= targetWidth));
        }
        return new Table(pilot, effect, alpha, Double.NaN, targetWidth, designs);
    }

    /** Power and width grow with cases, so the smallest qualifying number is found by bisection. */
    private static Design smallest(Pilot pilot, int readers, double effect, double alpha, int maxCases,
                                   Predicate<Design> reached) {
        Design best = design(pilot, readers, maxCases, effect, alpha);
        if (!reached.test(best)) {
            return new Design(readers, -1, best.power(), best.ddf(), best.noncentrality(), best.expectedCiWidth());
        }
        int lo = 2;
        int hi = maxCases;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Design d = design(pilot, readers, mid, effect, alpha);
            if (reached.test(d)) {
                hi = mid;
                best = d;
            } else {
                lo = mid + 1;
            }
        }
        return best.cases() == lo ? best : design(pilot, readers, lo, effect, alpha);
    }
}
