package org.dermread.studies.ui;

import java.util.Locale;

/**
 * How a random seed is shown to a person. Order seeds are drawn from the whole {@code long} range, so printed in full
 * they are 19-digit signed numbers that widen a grid and that nobody reads; a seed someone typed (42, 2026) stays as
 * typed. The full value is always one hover away (the tooltip) and in every export.
 */
final class Seeds {

    /** Seeds with at most this many decimal digits are shown as they are. */
    private static final long SHOWN_AS_IS = 99_999_999L;

    private Seeds() {
    }

    /**
     * The seed as shown on a page: its decimal value when it has at most 8 digits, else the first 8 hex digits of its
     * unsigned 64-bit value followed by an ellipsis (enough to tell two seeds apart at a glance).
     */
    static String shortForm(long seed) {
        if (seed >= -SHOWN_AS_IS && seed <= SHOWN_AS_IS) {
            return Long.toString(seed);
        }
        return String.format(Locale.ROOT, "%016x", seed).substring(0, 8) + "…";
    }

    /** The full value, for the tooltip of a short form. */
    static String fullForm(long seed) {
        return Long.toString(seed);
    }
}
