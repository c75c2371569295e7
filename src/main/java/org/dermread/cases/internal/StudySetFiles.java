package org.dermread.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dermread.cases.ImportProblem;

/**
 * The files of a study set read into memory (bounded by the import limits), keyed by their {@code /}-separated
 * path inside the set, together with the problems met while reading them.
 */
public final class StudySetFiles {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    /** True when reading stopped early (a limit was hit), so "missing file" problems would only be noise. */
    private boolean incomplete;

    void put(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    void problem(ImportProblem problem) {
        problems.add(problem);
    }

    void markIncomplete() {
        incomplete = true;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public boolean incomplete() {
        return incomplete;
    }

    /**
     * When every file sits in one top-level folder (a ZIP of the set folder itself, {@code demo/manifest.csv}),
     * drops that folder from the paths.
     */
    void stripCommonFolder() {
        if (files.isEmpty() || files.containsKey(StudySetValidator.MANIFEST)) {
            return;
        }
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return;
        }
        String prefix = first.substring(0, slash + 1);
        if (files.keySet().stream().allMatch(path -> path.startsWith(prefix))) {
            Map<String, byte[]> stripped = new LinkedHashMap<>();
            files.forEach((path, bytes) -> stripped.put(path.substring(prefix.length()), bytes));
            files.clear();
            files.putAll(stripped);
        }
    }
}
