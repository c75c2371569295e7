package org.dermread.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.dermread.cli.Analysis;
import org.dermread.stats.StudyReport;
import org.springframework.stereotype.Component;

/**
 * Runs the statistics engine over a study's bundle files, through the same reader the {@code analyze} command uses
 * on an unpacked bundle, so that the app's numbers and a re-analysis agree exactly. Reports are cached per content
 * of the files (a study whose answers or predictions change gets a new analysis).
 */
@Component
public class AnalysisRunner {

    /** The analysis settings written to {@code analysis.json}: 2,000 bootstrap replicates, a fixed seed, 95% CIs,
     * experience groups &lt;3, 3-10, &gt;10 years in dermatology (after Tschandl et al., Lancet Oncol 2019). */
    public static final String SETTINGS_JSON = """
            {"bootstrap_replicates": 2000, "seed": 20210101, "experience_cut_points": [3, 10], \
            "experience_field": "years_dermatology", "confidence_level": 0.95}
            """;

    private static final int CACHED_REPORTS = 32;
    private final Map<String, Result> cache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                    return size() > CACHED_REPORTS;
                }
            });

    private record Result(StudyReport report, String json) {
    }

    public StudyReport report(BundleTables tables) {
        return run(tables).report();
    }

    public String metricsJson(BundleTables tables) {
        return run(tables).json();
    }

    private Result run(BundleTables tables) {
        String key = key(tables);
        return cache.computeIfAbsent(key, k -> compute(tables));
    }

    private static Result compute(BundleTables tables) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("dermread-analysis");
            for (Map.Entry<String, String> file : tables.files().entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            StudyReport report = Analysis.analyzeBundle(folder);
            return new Result(report, Analysis.toJson(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static String key(BundleTables tables) {
        StringBuilder all = new StringBuilder();
        tables.files().forEach((name, text) -> all.append(name).append('\0').append(text).append('\0'));
        return ExportService.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
