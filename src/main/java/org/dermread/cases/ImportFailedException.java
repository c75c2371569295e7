package org.dermread.cases;

import java.util.List;

/** A study set was refused; nothing was stored. Carries every problem found, not only the first. */
public class ImportFailedException extends CaseLibraryException {

    private final transient List<ImportProblem> problems;

    public ImportFailedException(List<ImportProblem> problems) {
        super("cases.import.failed", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
