package org.dermread.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a study set, where it was found and why, as a translation key with arguments.
 *
 * @param file the file of the set it concerns (path inside the set, {@code /}-separated), or empty for the whole set
 * @param line the manifest line (1 = header), or 0 when not about a line
 */
public record ImportProblem(String file, int line, String messageKey, List<Object> arguments) {

    public ImportProblem {
        file = file == null ? "" : file;
        Objects.requireNonNull(messageKey);
        // an argument may be a library's message, which can be null (found by ImportFuzzTest)
        arguments = arguments.stream().map(argument -> argument == null ? "?" : argument).toList();
    }

    public static ImportProblem of(String file, int line, String messageKey, Object... arguments) {
        return new ImportProblem(file, line, messageKey, Arrays.asList(arguments));
    }

    /** Where, for reports and logs: {@code manifest.csv:12}, {@code images/a.jpg} or empty. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
