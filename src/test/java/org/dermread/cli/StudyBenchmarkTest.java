package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.MetricsJson;
import org.dermread.stats.StudyAnalyzer;
import org.dermread.stats.StudyReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long the whole analysis of a Zhu et al. (2021)-sized reader study takes: 280 readers x 1,000 cases x
 * 8 classes, two phases (unaided, aided), AI probabilities, 2,000 bootstrap replicates, MRMC with both covariance
 * methods. Not a timed test: run with
 * {@code mvn -Pbenchmark test -Dtest=StudyBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StudyBenchmarkTest {

    @Test
    void analyse_280_readers_by_1000_cases_by_8_classes_and_print_the_timings(@TempDir Path dir) throws Exception {
        writeBundle(dir, 280, 1000, List.of("MN", "BCC", "SK", "Pso", "SD", "Hem", "PWS", "KAHS"));
        System.out.printf(Locale.ROOT, "benchmark: %d cores available to the JVM%n",
                Runtime.getRuntime().availableProcessors());
        // One warm-up pass with few replicates so that JIT compilation is not counted as analysis time.
        AnalyzeCommand.analyze(dir, 50, null);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= 5; run++) {
            double load = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            BundleStudy bundle = BundleReader.read(BundleFiles.readFolder(dir, BundleReader.INPUT_FILES));
            long t1 = System.nanoTime();
            StudyReport report = StudyAnalyzer.analyze(bundle.study(), bundle.settings());
            long t2 = System.nanoTime();
            Path out = dir.resolve("metrics.json");
            try (OutputStream stream = Files.newOutputStream(out)) {
                MetricsJson.write(report, stream, false);
            }
            long t3 = System.nanoTime();
            long cpu3 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT,
                    "benchmark run %d: read bundle %.2f s, analysis %.2f s, write JSON %.2f s (%.1f MB), "
                            + "total %.2f s wall, %.2f s CPU (load average before: %.1f)%n",
                    run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, Files.size(out) / 1e6, (t3 - t0) / 1e9,
                    (cpu3 - cpu0) / 1e9, load);
            assertThat(report.mrmc()).isNotNull();
            assertThat(report.settings().bootstrapReplicates()).isEqualTo(2000);
        }
    }

    static void writeBundle(Path dir, int readers, int cases, List<String> labels) throws Exception {
        SplittableRandom rng = new SplittableRandom(20210101);
        int k = labels.size();
        int[] truth = new int[cases];
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("labels.csv"))) {
            w.write("position,code\n");
            for (int i = 0; i < k; i++) {
                w.write((i + 1) + "," + labels.get(i) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cases.csv"))) {
            w.write("case_id,truth\n");
            for (int c = 0; c < cases; c++) {
                truth[c] = rng.nextInt(k);
                w.write("case" + c + "," + labels.get(truth[c]) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("readers.csv"))) {
            w.write("reader_id,years_dermatology,years_dermoscopy,board_certified,title,hospital_level\n");
            for (int r = 0; r < readers; r++) {
                w.write("r" + r + "," + rng.nextInt(25) + "," + rng.nextInt(10) + ",true,attending,tertiary\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("readings.csv"))) {
            w.write("reader_id,case_id,phase,label,confidence,shown_at,answered_at\n");
            for (String phase : List.of("unaided", "aided")) {
                for (int r = 0; r < readers; r++) {
                    double skill = 0.5 + 0.3 * (r % 10) / 10.0 + (phase.equals("aided") ? 0.08 : 0);
                    for (int c = 0; c < cases; c++) {
                        int label = rng.nextDouble() < skill ? truth[c] : rng.nextInt(k);
                        w.write("r" + r + ",case" + c + "," + phase + "," + labels.get(label) + ","
                                + (1 + rng.nextInt(5)) + ",,\n");
                    }
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("ai_predictions.csv"))) {
            StringBuilder header = new StringBuilder("case_id");
            for (String l : labels) {
                header.append(",p_").append(l);
            }
            w.write(header + "\n");
            for (int c = 0; c < cases; c++) {
                double[] p = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    p[i] = Math.exp(rng.nextGaussian() + (i == truth[c] ? 2.5 : 0));
                    sum += p[i];
                }
                StringBuilder row = new StringBuilder("case" + c);
                for (int i = 0; i < k; i++) {
                    row.append(',').append(String.format(Locale.ROOT, "%.6f", p[i] / sum));
                }
                w.write(row + "\n");
            }
        }
    }
}
