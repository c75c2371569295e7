package org.dermread.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.dermread.stats.StudyReport;

/**
 * The {@code analyze} command as a library call, so the application computes {@code metrics.json} with exactly the
 * code path a colleague runs on an unpacked bundle.
 */
public final class Analysis {

    private Analysis() {
    }

    /** The report for an export-bundle folder, with the settings of its {@code analysis.json}. */
    public static StudyReport analyzeBundle(Path folder) throws IOException {
        return AnalyzeCommand.analyze(folder, null, null);
    }

    /** The report as the CLI writes it to {@code --out} (compact JSON). */
    public static String toJson(StudyReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Json.write(report, out, false);
        return out.toString(StandardCharsets.UTF_8);
    }
}
