package org.dermread.studies.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditLog;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.shell.NotFoundView;
import org.dermread.studies.ReaderProgress;
import org.dermread.studies.ReaderStatus;
import org.dermread.studies.StudyMonitoringService;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The reader-progress page through a whole AI-assisted study: six readers stand at six points (invited, profile
 * entered, part of the unaided phase, unaided phase done, part of the AI phase, finished), reached through the real
 * reading service and the demo model's real predictions.
 */
class StudyMonitorViewTest extends KaribuTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    ReadingService reading;
    @Autowired
    StudyMonitoringService monitoring;
    @Autowired
    AuditLog audit;

    Account coordinator;
    TestStudy study;
    final Map<String, Account> readers = new LinkedHashMap<>();

    @BeforeEach
    void anAiStudyWithReadersAtEveryStage() throws InterruptedException {
        coordinator = testAccounts.create("mon-coord", Role.COORDINATOR);
        study = studies.openStudy(coordinator, 4, LABELS, Options.defaults().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        reader("invited", false);
        reader("profile", true);
        long partial = reader("partial", true);
        answer(readers.get("partial"), partial, Phase.UNAIDED, 2);
        long unaided = reader("unaided", true);
        readings.readAll(readers.get("unaided"), unaided, (caseId, index, phase) -> "MN", Phase.UNAIDED);
        long aided = reader("aided", true);
        readings.readAll(readers.get("aided"), aided, (caseId, index, phase) -> "MN", Phase.UNAIDED);
        answer(readers.get("aided"), aided, Phase.AIDED, 3);
        long done = reader("done", true);
        readings.readAll(readers.get("done"), done, (caseId, index, phase) -> "SK", Phase.UNAIDED, Phase.AIDED);
    }

    @Test
    void each_reader_shows_where_they_stand_with_totals_on_top() {
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + study.studyId() + "/readers");

        assertThat(_get(Span.class, spec -> spec.withId("monitor-totals")).getText())
                .isEqualTo("Finished: 1 · In progress: 3 · Not started: 2 (of 6 readers)");
        assertThat(statusByLogin()).containsExactlyInAnyOrderEntriesOf(Map.of(
                readers.get("invited").username(), "Invited",
                readers.get("profile").username(), "Profile done",
                readers.get("partial").username(), "Reading without AI 2/4",
                readers.get("unaided").username(), "Finished without AI",
                readers.get("aided").username(), "Reading with AI 3/4",
                readers.get("done").username(), "Finished"));
        Map<String, List<String>> rows = rowsByLogin();
        assertThat(rows.get(readers.get("invited").username()).get(4)).isEmpty();
        assertThat(Double.parseDouble(rows.get(readers.get("done").username()).get(4))).isGreaterThanOrEqualTo(0.0);
        assertThat(rows.get(readers.get("done").username()).get(3)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
    }

    @Test
    void the_table_filters_by_status_and_by_name_and_sorts_by_progress() {
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + study.studyId() + "/readers");
        Grid<ReaderProgress> grid = grid();

        @SuppressWarnings("unchecked")
        Select<ReaderStatus> status = _get(Select.class, spec -> spec.withId("monitor-status-filter"));
        _setValue(status, ReaderStatus.READING_UNAIDED);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).username()).isEqualTo(readers.get("partial").username());
        _setValue(status, null);
        assertThat(GridKt._size(grid)).isEqualTo(6);

        _setValue(_get(TextField.class, spec -> spec.withId("monitor-search")), readers.get("aided").username());
        assertThat(GridKt._size(grid)).isEqualTo(1);
        _setValue(_get(TextField.class, spec -> spec.withId("monitor-search")), "");

        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("status"), SortDirection.DESCENDING)));
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(ReaderStatus.FINISHED);
        assertThat(GridKt._get(grid, 5).status()).isEqualTo(ReaderStatus.INVITED);
    }

    @Test
    void the_csv_lists_every_reader_for_the_coordinator_and_is_audited() {
        SignIn.as(coordinator);
        String csv = new String(monitoring.csv(study.studyId()), StandardCharsets.UTF_8);
        SignIn.out();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", StudyMonitoringService.CSV_HEADER));
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(readers.get("partial").username() + "," + readers.get("partial").displayName()
                        + ",reading_unaided,2,0,4,"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(readers.get("done").username() + "," + readers.get("done").displayName()
                        + ",finished,4,4,4,"));
        SignIn.as(testAccounts.create("auditor", Role.ADMIN));
        assertThat(audit.recent("study.monitor-exported", coordinator.username(), 5)).hasSize(1);
        SignIn.out();
    }

    @Test
    void another_coordinator_and_a_statistician_get_neither_the_page_nor_the_csv() {
        Account other = testAccounts.create("other-coord", Role.COORDINATOR);
        login(other);
        UI.getCurrent().navigate("coordinator/studies/" + study.studyId() + "/readers");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isInstanceOf(NotFoundView.class);
        assertThatThrownBy(() -> monitoring.csv(study.studyId())).isInstanceOf(AccessDeniedException.class);

        SignIn.as(testAccounts.create("stat", Role.STATISTICIAN));
        assertThatThrownBy(() -> monitoring.monitor(study.studyId())).isInstanceOf(AccessDeniedException.class);
        SignIn.out();
    }

    @Test
    void the_study_page_shows_the_same_statuses_instead_of_started() {
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + study.studyId());

        @SuppressWarnings("unchecked")
        Grid<Object> participants = _get(Grid.class, spec -> spec.withId("participant-grid"));
        List<String> statuses = new ArrayList<>();
        for (int row = 0; row < GridKt._size(participants); row++) {
            statuses.add(GridKt._getFormattedRow(participants, row).get(3));
        }
        assertThat(statuses).containsExactlyInAnyOrder("Invited", "Profile done", "Reading without AI",
                "Finished without AI", "Reading with AI", "Finished");
    }

    private long reader(String name, boolean profile) {
        Account reader = testAccounts.create("mon-" + name, Role.READER);
        if (profile) {
            studies.giveProfile(reader, 7);
        }
        readers.put(name, reader);
        return studies.invite(study, reader, 1000L + readers.size());
    }

    private void answer(Account reader, long participation, Phase phase, int count) {
        SignIn.as(reader);
        try {
            reading.open(participation, phase);
            for (int i = 0; i < count; i++) {
                long caseId = reading.next(participation, phase).orElseThrow().caseId();
                reading.answer(participation, phase, caseId, "MN", null);
            }
        } finally {
            SignIn.out();
        }
    }

    @SuppressWarnings("unchecked")
    private static Grid<ReaderProgress> grid() {
        return _get(Grid.class, spec -> spec.withId("monitor-grid"));
    }

    private Map<String, List<String>> rowsByLogin() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Grid<ReaderProgress> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            rows.put(GridKt._get(grid, row).username(), GridKt._getFormattedRow(grid, row));
        }
        return rows;
    }

    private Map<String, String> statusByLogin() {
        Map<String, String> result = new LinkedHashMap<>();
        rowsByLogin().forEach((login, cells) -> result.put(login, cells.get(2)));
        return result;
    }
}
