package org.dermread.studies;

import java.util.List;

/** A pasted reader list with bad lines; every problem, each naming its line and field. */
public class ReaderListException extends StudyException {

    private final transient List<ReaderListProblem> problems;

    public ReaderListException(List<ReaderListProblem> problems) {
        super("studies.readers.error.lines", String.join(", ",
                problems.stream().map(problem -> String.valueOf(problem.line())).distinct().toList()));
        this.problems = List.copyOf(problems);
    }

    public List<ReaderListProblem> problems() {
        return problems;
    }
}
