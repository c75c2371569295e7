package org.dermread.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditEvent;
import org.dermread.audit.AuditLog;
import org.dermread.studies.CaseSetDesign;
import org.dermread.studies.CaseSetService;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log page: filters by a named kind of action, by user and by days; shows no Java class names; and case
 * sets created or changed through the real service are there.
 */
class AuditViewTest extends KaribuTest {

    @Autowired
    AuditLog audit;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;

    Account admin;
    Account coordinator;
    long caseSetId;

    @BeforeEach
    void aCoordinatorWhoDesignedACaseSet() {
        admin = testAccounts.create("audit-admin", Role.ADMIN);
        coordinator = testAccounts.create("audit-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, 4, List.of("MN", "SK"), TestStudies.Options.defaults());
        SignIn.as(coordinator);
        caseSetId = caseSets.create(new CaseSetDesign("Audited set", null, List.of("MN", "SK"), study.caseIds(),
                null, null));
        caseSets.update(caseSetId, new CaseSetDesign("Audited set, renamed", null, List.of("MN", "SK"),
                study.caseIds().subList(0, 2), null, null));
        SignIn.out();
    }

    @Test
    void case_set_creation_and_change_are_audited_and_the_action_filter_names_them_in_both_languages() {
        login(admin);
        UI.getCurrent().navigate("admin/audit");

        @SuppressWarnings("unchecked")
        Select<String> action = _get(Select.class, spec -> spec.withId("audit-action"));
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), coordinator.username());
        _setValue(action, "caseset.created");

        List<List<String>> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(1)).isEqualTo(coordinator.username());
        assertThat(rows.get(0).get(2)).isEqualTo("Case set created");
        assertThat(rows.get(0).get(3)).isEqualTo("case set " + caseSetId);
        assertThat(rows.get(0).get(4))
                .isEqualTo("Audited set: 4 cases, taxonomy zhu2021, labels MN SK, picked by hand");

        _setValue(action, "caseset.updated");
        assertThat(rows()).singleElement()
                .satisfies(row -> assertThat(row.get(4)).startsWith("Audited set, renamed: 2"));

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/audit");
        @SuppressWarnings("unchecked")
        Select<String> chinese = _get(Select.class, spec -> spec.withId("audit-action"));
        assertThat(chinese.getItemLabelGenerator().apply("caseset.created")).isEqualTo("创建病例集");
        assertThat(chinese.getItemLabelGenerator().apply("signin.failed")).isEqualTo("登录失败");
    }

    @Test
    void the_user_filter_finds_what_a_person_did_and_what_was_done_to_them() {
        Account reader = testAccounts.create("audit-reader", Role.READER);
        SignIn.as(admin);
        audit.record("user.password-reset", reader.username(), "by " + admin.username());
        SignIn.out();
        audit.recordAs(reader.username(), "signin.ok", reader.username(), "from 10.0.0.9");
        login(admin);
        UI.getCurrent().navigate("admin/audit");

        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), reader.username().toUpperCase(Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        assertThat(rows()).extracting(row -> row.get(2)).containsExactly("Signed in", "Password reset");
    }

    @Test
    void the_date_range_includes_both_days_and_excludes_the_days_around_them() {
        String who = "dated-" + System.nanoTime();
        for (String day : List.of("2020-03-09", "2020-03-10", "2020-03-11", "2020-03-12")) {
            jdbc.sql("insert into audit_event (occurred_at, actor, action, target) values "
                            + "(cast(:day as date) + time '12:00', :who, 'signin.ok', :day)")
                    .param("day", day).param("who", who).update();
        }
        login(admin);
        UI.getCurrent().navigate("admin/audit");
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), who);
        _setValue(_get(DatePicker.class, spec -> spec.withId("audit-from")), LocalDate.of(2020, 3, 10));
        _setValue(_get(DatePicker.class, spec -> spec.withId("audit-until")), LocalDate.of(2020, 3, 11));
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        assertThat(rows()).extracting(row -> row.get(3)).containsExactly("2020-03-11", "2020-03-10");

        _setValue(_get(DatePicker.class, spec -> spec.withId("audit-until")), LocalDate.of(2020, 3, 1));
        _click(_get(Button.class, spec -> spec.withId("audit-search")));
        assertThat(_get(DatePicker.class, spec -> spec.withId("audit-until")).isInvalid()).isTrue();
    }

    @Test
    void the_kind_of_a_target_is_named_in_the_page_language() {
        String who = "target-" + System.nanoTime();
        audit.recordAs(who, "study.opened", "study 12", "case set 3 locked");
        audit.recordAs(who, "caseset.created", "case set 3", "8 labels");
        login(admin);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/audit");
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), who);
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        assertThat(rows()).extracting(row -> row.get(3)).containsExactlyInAnyOrder("研究 12", "病例集 3");
    }

    @Test
    void details_that_name_java_exception_classes_are_shown_in_words() {
        String who = "old-" + System.nanoTime();
        audit.recordAs(who, "signin.failed", who,
                "org.springframework.security.authentication.BadCredentialsException from 10.0.0.1");
        login(admin);
        UI.getCurrent().navigate("admin/audit");
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), who);
        _click(_get(Button.class, spec -> spec.withId("audit-search")));

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.get(4)).isEqualTo("bad credentials from 10.0.0.1");
            assertThat(String.join(" ", row)).doesNotContain("Exception").doesNotContain("org.springframework");
        });
        List<AuditEvent> stored = audit.search("signin.failed", who, null, null, 10);
        assertThat(stored).singleElement().extracting(AuditEvent::detail).isEqualTo("bad credentials from 10.0.0.1");
    }

    private static List<List<String>> rows() {
        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            rows.add(GridKt._getFormattedRow(grid, row));
        }
        return rows;
    }
}
