package org.dermread.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.analysis.StudyResultsService;
import org.dermread.analysis.figures.ClassNames;
import org.dermread.analysis.figures.Figure;
import org.dermread.analysis.figures.FigureFormat;
import org.dermread.analysis.figures.StudyFigures;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.bundle.MetricsJson;
import org.dermread.export.StatementLog.Executed;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.stats.StudyReport;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The results page and the export read a study once, in one read-only repeatable-read transaction, and work on
 * that snapshot in memory: every statement is recorded by {@link StatementLog}, and an answer committed while an
 * export is under way is in none of its files, so its plots, tables and metrics.json describe the same study.
 */
@DermReadTest
@TestPropertySource(properties = StatementLog.DRIVER_PROPERTY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneSnapshotTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
    /** The tables a study's results are computed from. */
    static final List<String> STUDY_TABLES = List.of("study", "study_label", "case_set_member", "clinical_case",
            "participation", "answer", "study_case_prediction");
    static final int CASES = 12;

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    ReadingService reading;
    @Autowired
    ExportService export;
    @Autowired
    StudyResultsService results;

    Account statistician;
    TestStudy study;
    Account lateReader;
    long lateParticipation;

    /** A two-phase AI study; the third reader has one aided case left. */
    @BeforeAll
    void aStudyWithOneAnswerStillToCome() throws Exception {
        Account coordinator = accounts.create("snapshot-coord", Role.COORDINATOR);
        statistician = accounts.create("snapshot-stat", Role.STATISTICIAN);
        study = studies.openStudy(coordinator, CASES, LABELS, Options.defaults().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        for (int r = 0; r < 3; r++) {
            Account reader = accounts.create("snapshot-reader", Role.READER);
            studies.giveProfile(reader, 2 + 7 * r);
            long participation = studies.invite(study, reader, 40 + r);
            int seat = r;
            TestReadings.Answerer answerer = (caseId, i, phase) -> (i + seat) % 3 != 0 ? study.truth().get(caseId)
                    : LABELS.get((LABELS.indexOf(study.truth().get(caseId)) + 1 + seat) % LABELS.size());
            if (r < 2) {
                readings.readAll(reader, participation, answerer, Phase.UNAIDED, Phase.AIDED);
            } else {
                readings.readAll(reader, participation, answerer, Phase.UNAIDED);
                lateReader = reader;
                lateParticipation = participation;
                answerAidedCases(CASES - 1);
            }
        }
    }

    @AfterEach
    void stopAndSignOut() {
        StatementLog.stop();
        SignIn.out();
    }

    @Test
    void an_export_reads_each_table_once_in_one_read_only_repeatable_read_transaction() {
        SignIn.as(statistician);
        StatementLog.watchThisThread();
        export.bundle(study.studyId());
        List<Executed> log = StatementLog.stop();

        assertReadOnceInOneSnapshot(log);
        assertThat(log).filteredOn(e -> !inSnapshot(log, e)).allMatch(e -> e.touches("audit_event"));
    }

    @Test
    void the_results_page_analysis_reads_each_table_once_in_one_read_only_repeatable_read_transaction() {
        SignIn.as(statistician);
        StatementLog.watchThisThread();
        results.analyse(results.snapshot(study.studyId()));
        List<Executed> log = StatementLog.stop();

        assertReadOnceInOneSnapshot(log);
        assertThat(log).allMatch(e -> inSnapshot(log, e));
    }

    @Test
    void an_answer_committed_during_an_export_is_in_none_of_its_files_and_plots_and_metrics_agree() throws Exception {
        SignIn.as(statistician);
        StatementLog.afterFirstReadOnlyStatement(() -> CompletableFuture.runAsync(() -> answerAidedCases(1)).join());
        StatementLog.watchThisThread();
        BundleFiles during = BundleFiles.readZip(export.bundle(study.studyId()));
        StatementLog.stop();
        BundleFiles after = BundleFiles.readZip(export.bundle(study.studyId()));

        int answers = 3 * CASES * 2;
        assertThat(lines(after, "readings.csv")).hasSize(1 + answers);
        assertThat(lines(during, "readings.csv")).hasSize(answers);
        assertThat(aidedFinishedAt(during, 3)).as("R003 not finished in the snapshot").isEmpty();
        assertThat(aidedFinishedAt(after, 3)).isNotEmpty();

        BundleStudy reread = BundleReader.read(during);
        StudyReport report = reread.analyze();
        assertThat(during.require("metrics.json")).isEqualTo(MetricsJson.bytes(report));
        assertThat(report.phases().get(1).readerResults()).extracting(StudyReport.ReaderReport::cases)
                .containsExactly(CASES, CASES, CASES - 1);
        Map<String, Figure> figures = new StudyFigures(reread.study(), report, Map.of(),
                ClassNames.of(BundleReader.labelNames(during))).bundleFigures(Locale.ENGLISH);
        assertThat(figures).containsKeys("roc-aided-MN", "roc-average-aided");
        figures.forEach((name, figure) -> assertThat(during.require("plots/" + name + ".svg")).as(name)
                .isEqualTo(FigureFormat.SVG.render(figure)));
        assertThat(during.paths().stream().filter(p -> p.endsWith(".svg"))).hasSize(figures.size() + 1);
    }

    /** The study tables are each read once, all in one read-only, repeatable-read transaction. */
    private static void assertReadOnceInOneSnapshot(List<Executed> log) {
        assertThat(log).filteredOn(e -> e.touches("answer")).hasSize(1);
        assertThat(log).filteredOn(e -> e.touches("participation") && !e.touches("answer")).hasSize(1);
        List<Executed> reads = log.stream().filter(OneSnapshotTest::readsStudyTables).toList();
        assertThat(reads).extracting(e -> e.connection() + "/" + e.transaction()).containsOnly(
                reads.get(0).connection() + "/" + reads.get(0).transaction());
        assertThat(reads).allMatch(Executed::inTransaction).allMatch(Executed::readOnly)
                .allMatch(e -> e.isolation() == Connection.TRANSACTION_REPEATABLE_READ);
    }

    private static boolean readsStudyTables(Executed e) {
        return STUDY_TABLES.stream().anyMatch(e::touches);
    }

    private static boolean inSnapshot(List<Executed> log, Executed e) {
        Executed first = log.stream().filter(OneSnapshotTest::readsStudyTables).findFirst().orElseThrow();
        return e.connection() == first.connection() && e.transaction() == first.transaction();
    }

    /** The late reader answers the next {@code count} aided cases (correctly). */
    private void answerAidedCases(int count) {
        SignIn.as(lateReader);
        try {
            reading.open(lateParticipation, Phase.AIDED);
            for (int i = 0; i < count; i++) {
                long caseId = reading.next(lateParticipation, Phase.AIDED).orElseThrow().caseId();
                reading.answer(lateParticipation, Phase.AIDED, caseId, study.truth().get(caseId), null);
            }
        } finally {
            SignIn.out();
        }
    }

    /** The aided_finished_at cell of a row of readers.csv (no cell there is quoted). */
    private static String aidedFinishedAt(BundleFiles files, int row) {
        List<String> readers = lines(files, "readers.csv");
        int column = List.of(readers.get(0).split(",")).indexOf("aided_finished_at");
        return readers.get(row).split(",", -1)[column];
    }

    private static List<String> lines(BundleFiles files, String path) {
        return new String(files.require(path), StandardCharsets.UTF_8).lines().toList();
    }
}
