package org.dermread.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one import, bounded: every problem is counted, but only the first {@link #KEPT_PER_KIND} of each
 * kind (message key) are kept with their file and line. A hostile manifest of 100,000 bad rows produced 500,000
 * problems and filled the heap (issue 12, finding 1); the counts still say how many there were of each kind.
 */
public final class ImportProblems {

    /** Problems kept per kind; enough to fix a set in one round, small enough for any page. */
    public static final int KEPT_PER_KIND = 200;

    private final List<ImportProblem> kept = new ArrayList<>();
    private final Map<String, Integer> totals = new LinkedHashMap<>();
    private int total;

    public void add(ImportProblem problem) {
        total++;
        if (totals.merge(problem.messageKey(), 1, Integer::sum) <= KEPT_PER_KIND) {
            kept.add(problem);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Every problem found, kept or not. */
    public int total() {
        return total;
    }

    /** The problems kept, in the order found. */
    public List<ImportProblem> kept() {
        return Collections.unmodifiableList(kept);
    }

    /** How many problems of each kind were found, in the order the kinds first appeared. */
    public Map<String, Integer> totalsPerKind() {
        return Collections.unmodifiableMap(totals);
    }
}
