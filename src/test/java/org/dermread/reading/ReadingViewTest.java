package org.dermread.reading;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.reading.ui.ReaderHomeView;
import org.dermread.reading.ui.ReaderProfileView;
import org.dermread.reading.ui.ReadingDoneView;
import org.dermread.shell.NotFoundView;
import org.dermread.studies.HospitalLevel;
import org.dermread.studies.ReaderProfileService;
import org.dermread.studies.ReaderTitle;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReadingViewTest extends KaribuTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReaderProfileService profiles;

    Account coordinator;
    Account reader;

    @BeforeEach
    void setUp() {
        coordinator = testAccounts.create("coord", Role.COORDINATOR);
        reader = testAccounts.create("reader", Role.READER);
    }

    @Test
    void a_reader_without_a_profile_is_asked_for_it_first() {
        login(reader);

        UI.getCurrent().navigate("reader");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReaderProfileView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_profile_page_refuses_more_years_of_dermoscopy_than_of_dermatology_on_that_field() {
        login(reader);
        UI.getCurrent().navigate("reader/profile");
        IntegerField dermoscopy = _get(IntegerField.class, spec -> spec.withId("years-dermoscopy"));
        _setValue(_get(IntegerField.class, spec -> spec.withId("years-dermatology")), 2);
        _setValue(dermoscopy, 5);
        _setValue(_get(Select.class, spec -> spec.withId("title")), ReaderTitle.RESIDENT);
        _setValue(_get(Select.class, spec -> spec.withId("hospital")), HospitalLevel.SECONDARY);

        _click(_get(Button.class, spec -> spec.withId("save-profile")));

        assertThat(dermoscopy.isInvalid()).isTrue();
        assertThat(dermoscopy.getErrorMessage())
                .isEqualTo("Years of dermoscopy (5) cannot be more than years in dermatology (2).");
        assertThat(profiles.myProfile()).isEmpty();

        _setValue(dermoscopy, 1);
        _click(_get(Button.class, spec -> spec.withId("save-profile")));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReaderHomeView.class);
        assertThat(profiles.myProfile()).hasValueSatisfying(profile -> assertThat(profile.yearsDermoscopy())
                .isEqualTo(1));
    }

    @Test
    void keys_choose_the_diagnosis_then_the_confidence_and_enter_saves() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults().withConfidence());
        long participation = studies.invite(study, reader, 77L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        assertThat(progressText()).isEqualTo("Case 1 of 3");
        Button save = _get(Button.class, spec -> spec.withId("save-answer"));
        assertThat(save.isEnabled()).isFalse();

        ShortcutsKt.fireShortcut(Key.DIGIT_2);
        assertThat(_get(Button.class, spec -> spec.withId("option-BCC")).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(save.isEnabled()).as("confidence still missing").isFalse();
        ShortcutsKt.fireShortcut(Key.DIGIT_4);
        assertThat(save.isEnabled()).isTrue();
        ShortcutsKt.fireShortcut(Key.ENTER);

        assertThat(progressText()).isEqualTo("Case 2 of 3");
        long firstCase = ReadingOrder.of(study.caseIds(), 77L, Phase.UNAIDED, true).get(0);
        assertThat(jdbc.sql("select case_id || ':' || diagnosis || ':' || confidence from answer "
                + "where participation_id = :p").param("p", participation).query(String.class).list())
                .containsExactly(firstCase + ":BCC:4");
    }

    @Test
    void going_back_shows_the_earlier_answer_and_saving_a_change_revises_it() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults().withAllowBack());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        _click(_get(Button.class, spec -> spec.withId("option-MN")));
        _click(_get(Button.class, spec -> spec.withId("save-answer")));
        assertThat(progressText()).isEqualTo("Case 2 of 3");

        _click(_get(Button.class, spec -> spec.withId("previous-case")));
        assertThat(progressText()).isEqualTo("Case 1 of 3");
        assertThat(_get(Button.class, spec -> spec.withId("option-MN")).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        _click(_get(Button.class, spec -> spec.withId("option-SK")));
        _click(_get(Button.class, spec -> spec.withId("save-answer")));

        assertThat(progressText()).as("back to the first unanswered case").isEqualTo("Case 2 of 3");
        assertThat(jdbc.sql("select diagnosis from answer where participation_id = :p").param("p", participation)
                .query(String.class).list()).containsExactly("SK");
        assertThat(jdbc.sql("select count(*) from answer_revision r join answer a on a.id = r.answer_id "
                + "where a.participation_id = :p").param("p", participation).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_last_answer_leads_to_the_closing_page_and_the_dashboard_shows_it_finished() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        for (int i = 0; i < 2; i++) {
            ShortcutsKt.fireShortcut(Key.DIGIT_1);
            ShortcutsKt.fireShortcut(Key.ENTER);
        }

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReadingDoneView.class);
        UI.getCurrent().navigate("reader");
        assertThat(_get(Button.class, spec -> spec.withId("open-" + participation)).getText())
                .isEqualTo("Finished: see results");
    }

    @Test
    void another_readers_participation_is_not_found_by_url() {
        Account other = testAccounts.create("other", Role.READER);
        studies.giveProfile(other, 3);
        studies.giveProfile(reader, 3);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults());
        long theirs = studies.invite(study, other, 5L);
        login(reader);

        UI.getCurrent().navigate("reading/" + theirs + "/unaided");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NotFoundView.class);
        UI.getCurrent().navigate("reading/" + theirs + "/done");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    private static String progressText() {
        return _get(Span.class, spec -> spec.withId("reading-progress-text")).getText();
    }
}
