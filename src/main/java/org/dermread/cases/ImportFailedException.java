package org.dermread.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study set was refused; nothing was stored. Carries how many problems of each kind were found and, for each kind,
 * the first {@value ImportProblems#KEPT_PER_KIND} with their file and line.
 */
public class ImportFailedException extends CaseLibraryException {

    private final transient List<ImportProblem> problems;
    private final transient Map<String, Integer> totalsPerKind;
    private final int totalProblems;
    private final StudySetLayout layout;

    public ImportFailedException(ImportProblems problems) {
        this(problems, null);
    }

    /** Refused with the layout the set was recognised as (null when none or several were). */
    public ImportFailedException(ImportProblems problems, StudySetLayout layout) {
        super("cases.import.failed", problems.total());
        this.problems = List.copyOf(problems.kept());
        this.totalsPerKind = Map.copyOf(problems.totalsPerKind());
        this.totalProblems = problems.total();
        this.layout = layout;
    }

    /** The layout the refused set was recognised as, if one was. */
    public Optional<StudySetLayout> layout() {
        return Optional.ofNullable(layout);
    }

    /** The problems kept (at most {@value ImportProblems#KEPT_PER_KIND} of each kind), in the order found. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** Every problem found, including those not kept. */
    public int totalProblems() {
        return totalProblems;
    }

    public Map<String, Integer> totalsPerKind() {
        return totalsPerKind;
    }
}
