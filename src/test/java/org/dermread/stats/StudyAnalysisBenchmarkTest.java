package org.dermread.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the statistics take for a Zhu et al. (2021)-sized reader study built in memory (the same synthetic
 * study as {@code cli/StudyBenchmarkTest} writes as a bundle: 280 readers x 1,000 cases x 8 classes, two complete
 * phases, AI probabilities, 2,000 bootstrap replicates, MRMC with every covariance method), and, in the same run, the
 * bootstrap of both phases by the previous case-by-case implementation ({@link PanelBootstrapBefore}) and by the
 * count-based one, with their ratio. Wall and process CPU time are printed (the machine is shared, so CPU time is the
 * steadier figure). Not a timed test: {@code mvn -Pbenchmark test -Dtest=StudyAnalysisBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StudyAnalysisBenchmarkTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "Pso", "SD", "Hem", "PWS", "KAHS");

    @Test
    void analyse_280_readers_by_1000_cases_by_8_classes_and_print_old_and_new_timings() {
        StudyData study = zhuSizedStudy(280, 1000);
        AnalysisSettings settings = AnalysisSettings.defaults();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "benchmark: %d cores available to the JVM%n",
                Runtime.getRuntime().availableProcessors());
        // Warm-up so that JIT compilation is not counted.
        StudyAnalyzer.analyze(study, new AnalysisSettings(100, 1, settings.experienceCutPoints(),
                settings.experienceField(), List.of(), 0.95));
        bootstraps(study, settings, true);
        bootstraps(study, settings, false);
        for (int run = 1; run <= 5; run++) {
            double load = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            StudyReport report = StudyAnalyzer.analyze(study, settings);
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            bootstraps(study, settings, true);
            long t2 = System.nanoTime();
            long cpu2 = os.getProcessCpuTime();
            bootstraps(study, settings, false);
            long t3 = System.nanoTime();
            long cpu3 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT,
                    "benchmark run %d: whole analysis %.2f s wall, %.2f s CPU | bootstrap of both phases: before %.2f s"
                            + " wall %.2f s CPU, count-based %.2f s wall %.2f s CPU (%.1fx less CPU) | load average"
                            + " before: %.1f%n",
                    run, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9,
                    (t3 - t2) / 1e9, (cpu3 - cpu2) / 1e9, (double) (cpu2 - cpu1) / (cpu3 - cpu2), load);
            assertThat(report.mrmc()).isNotNull();
            assertThat(report.settings().bootstrapReplicates()).isEqualTo(2000);
        }
    }

    /** The panel bootstrap of every phase as StudyAnalyzer runs it (panel plus experience groups, AI replicates). */
    private static void bootstraps(StudyData study, AnalysisSettings settings, boolean before) {
        ExperienceGroups experience = new ExperienceGroups(settings.experienceCutPoints());
        for (PhaseReadings phase : study.phases()) {
            List<ReaderReadings> readers = phase.readers();
            List<List<Integer>> members = new ArrayList<>();
            for (int g = 0; g < experience.names().size(); g++) {
                members.add(new ArrayList<>());
            }
            for (int j = 0; j < readers.size(); j++) {
                members.get(experience.groupOf(study.readers().get(readers.get(j).reader()).yearsDermatology()))
                        .add(j);
            }
            List<int[]> groups = new ArrayList<>();
            groups.add(IntStream.range(0, readers.size()).toArray());
            for (List<Integer> m : members) {
                if (!m.isEmpty()) {
                    groups.add(m.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            int[][] g = groups.toArray(new int[0][]);
            List<PanelBootstrap.AiClassScores> ai = AiAnalysis.classScores(study);
            int k = study.labels().size();
            if (before) {
                PanelBootstrapBefore.run(k, study.truth(), readers, g, ai, settings.bootstrapReplicates(),
                        settings.seed());
            } else {
                PanelBootstrap.run(k, study.truth(), readers, g, ai, settings.bootstrapReplicates(), settings.seed());
            }
        }
    }

    /**
     * The study of {@code cli/StudyBenchmarkTest.writeBundle}, drawn from the same generator in the same order, and the
     * AI probabilities rounded to the 6 decimals the bundle holds.
     */
    static StudyData zhuSizedStudy(int readerCount, int cases) {
        SplittableRandom rng = new SplittableRandom(20210101);
        int k = LABELS.size();
        int[] truth = new int[cases];
        List<String> caseIds = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            truth[c] = rng.nextInt(k);
            caseIds.add("case" + c);
        }
        List<StudyReader> readers = new ArrayList<>();
        for (int r = 0; r < readerCount; r++) {
            readers.add(new StudyReader("r" + r, rng.nextInt(25), rng.nextInt(10), "true", "attending", "tertiary"));
        }
        List<PhaseReadings> phases = new ArrayList<>();
        for (String phase : List.of("unaided", "aided")) {
            List<ReaderReadings> answers = new ArrayList<>();
            for (int r = 0; r < readerCount; r++) {
                double skill = 0.5 + 0.3 * (r % 10) / 10.0 + (phase.equals("aided") ? 0.08 : 0);
                int[] caseIndex = new int[cases];
                int[] label = new int[cases];
                int[] confidence = new int[cases];
                for (int c = 0; c < cases; c++) {
                    caseIndex[c] = c;
                    label[c] = rng.nextDouble() < skill ? truth[c] : rng.nextInt(k);
                    confidence[c] = 1 + rng.nextInt(5);
                }
                answers.add(new ReaderReadings(r, caseIndex, label, confidence));
            }
            phases.add(new PhaseReadings(phase, answers));
        }
        double[][] ai = new double[cases][k];
        for (int c = 0; c < cases; c++) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                ai[c][i] = Math.exp(rng.nextGaussian() + (i == truth[c] ? 2.5 : 0));
                sum += ai[c][i];
            }
            for (int i = 0; i < k; i++) {
                ai[c][i] = Double.parseDouble(String.format(Locale.ROOT, "%.6f", ai[c][i] / sum));
            }
        }
        return new StudyData(LABELS, caseIds, truth, readers, phases, ai);
    }
}
