package org.dermread.analysis.figures;

import java.util.Locale;

/**
 * How figures, the results page and the study report write numbers, so that none of them ever shows a raw
 * {@code NaN}: a figure that could not be estimated reads "not estimable" (the caller says why, e.g. in a tooltip);
 * proportions as percentages with one decimal; AUC and kappa with three decimals; intervals "a to b" (a separator
 * that survives negative bounds: "-0.214 to -0.113"); p values with four decimals, "&lt; 0.0001" below that.
 */
public final class Numbers {

    private final FigureText text;

    private Numbers(FigureText text) {
        this.text = text;
    }

    public static Numbers of(FigureText text) {
        return new Numbers(text);
    }

    public static Numbers of(Locale locale) {
        return new Numbers(FigureText.of(locale));
    }

    /** The words for an undefined figure. */
    public String notEstimable() {
        return text.get("report.not-estimable");
    }

    public static boolean defined(double value) {
        return Double.isFinite(value);
    }

    /** Three decimals (AUC, kappa, differences). */
    public String decimal(double value) {
        return defined(value) ? fixed(value, 3) : notEstimable();
    }

    /** A number with a fixed count of decimals, never "-0.0" (a value that rounds to zero is zero). */
    private static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    /** A proportion as a percentage with one decimal. */
    public String percent(double value) {
        return defined(value) ? fixed(100 * value, 1) + "%" : notEstimable();
    }

    /** An interval of decimals, "0.861 to 0.963"; not estimable when a bound is undefined. */
    public String interval(double lower, double upper) {
        if (!defined(lower) || !defined(upper)) {
            return notEstimable();
        }
        return text.get("report.interval", fixed(lower, 3), fixed(upper, 3));
    }

    /** An interval of proportions in percent, "80.1 to 89.9". */
    public String percentInterval(double lower, double upper) {
        if (!defined(lower) || !defined(upper)) {
            return notEstimable();
        }
        return text.get("report.interval", fixed(100 * lower, 1), fixed(100 * upper, 1));
    }

    /** A decimal with its interval, "0.912 (0.861 to 0.963)", or the decimal alone without an interval. */
    public String decimalWithInterval(double value, double lower, double upper) {
        if (!defined(value)) {
            return notEstimable();
        }
        return defined(lower) && defined(upper) ? decimal(value) + " (" + interval(lower, upper) + ")"
                : decimal(value);
    }

    /** A percentage with its interval, "85.3% (80.1 to 89.9)", or the percentage alone without an interval. */
    public String percentWithInterval(double value, double lower, double upper) {
        if (!defined(value)) {
            return notEstimable();
        }
        return defined(lower) && defined(upper) ? percent(value) + " (" + percentInterval(lower, upper) + ")"
                : percent(value);
    }

    /** A p value: four decimals, "&lt; 0.0001" below that. */
    public String p(double p) {
        if (!defined(p)) {
            return notEstimable();
        }
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A number with one decimal (F statistics, degrees of freedom, years). */
    public String oneDecimal(double value) {
        return defined(value) ? fixed(value, 1) : notEstimable();
    }

    /** A number with two decimals (test statistics). */
    public String twoDecimals(double value) {
        return defined(value) ? fixed(value, 2) : notEstimable();
    }
}
