package org.dermread.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Experience groups from cut points c1 &lt; ... &lt; cm in years: "&lt;c1", "c1-c2", ..., "&gt;cm" (DOMAIN: beginner
 * &lt; 3 years, intermediate 3-10, expert &gt; 10). A value equal to an inner cut point c_i starts group c_i-c_(i+1);
 * a value equal to the last cut point stays in the group below it (so 10 years is "3-10"). With a single cut point the
 * groups are "&lt;c1" and "&gt;=c1". Readers without a value are "unknown".
 */
final class ExperienceGroups {

    static final String UNKNOWN = "unknown";

    private final List<Double> cuts;

    ExperienceGroups(List<Double> cuts) {
        this.cuts = List.copyOf(cuts);
    }

    /** Group names in order, "unknown" last. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        if (cuts.isEmpty()) {
            names.add("all");
        } else {
            names.add("<" + format(cuts.get(0)));
            for (int i = 0; i + 1 < cuts.size(); i++) {
                names.add(format(cuts.get(i)) + "-" + format(cuts.get(i + 1)));
            }
            names.add((cuts.size() == 1 ? ">=" : ">") + format(cuts.get(cuts.size() - 1)));
        }
        names.add(UNKNOWN);
        return names;
    }

    /** Index into {@link #names()} of a number of years. */
    int groupOf(double years) {
        if (Double.isNaN(years)) {
            return names().size() - 1;
        }
        int m = cuts.size();
        if (m == 0) {
            return 0;
        }
        if (years < cuts.get(0)) {
            return 0;
        }
        if (m == 1) {
            return 1;
        }
        if (years > cuts.get(m - 1)) {
            return m;
        }
        for (int i = 1; i < m - 1; i++) {
            if (years < cuts.get(i)) {
                return i;
            }
        }
        return m - 1;
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
