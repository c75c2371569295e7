package org.dermread.reading;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.reading.ui.ReaderHomeView;
import org.dermread.reading.ui.ReaderProfileView;
import org.dermread.reading.ui.ReadingDoneView;
import org.dermread.shell.NotFoundView;
import org.dermread.shell.Notifications;
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
    static final List<String> FOURTEEN = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN",
            "Hem", "Pso", "PWS", "BCC");

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
    void letters_choose_the_diagnosis_digits_the_confidence_and_enter_saves_or_says_what_is_missing() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults().withConfidence());
        long participation = studies.invite(study, reader, 77L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        assertThat(progressText()).isEqualTo("Case 1 of 3");

        ShortcutsKt.fireShortcut(Key.ENTER);
        assertThat(missingHint()).isEqualTo("Choose a diagnosis (its letter) and your confidence (1 to 5).");
        ShortcutsKt.fireShortcut(Key.DIGIT_4);
        ShortcutsKt.fireShortcut(Key.ENTER);
        assertThat(missingHint()).isEqualTo("Choose a diagnosis first (click it or press its letter).");
        assertThat(pressed("confidence-4")).isEqualTo("true");

        ShortcutsKt.fireShortcut(Key.KEY_B);
        assertThat(pressed("option-BCC")).isEqualTo("true");
        assertThat(pressed("confidence-4")).as("choosing a diagnosis keeps the confidence").isEqualTo("true");
        ShortcutsKt.fireShortcut(Key.DIGIT_2);
        assertThat(pressed("option-BCC")).as("a digit is only ever the confidence").isEqualTo("true");
        assertThat(pressed("confidence-2")).isEqualTo("true");
        assertThat(progressText()).as("nothing saved while something was missing").isEqualTo("Case 1 of 3");
        ShortcutsKt.fireShortcut(Key.ENTER);

        assertThat(progressText()).isEqualTo("Case 2 of 3");
        assertThat(missingHint()).isEmpty();
        long firstCase = ReadingOrder.of(study.caseIds(), 77L, Phase.UNAIDED, true).get(0);
        assertThat(jdbc.sql("select case_id || ':' || diagnosis || ':' || confidence from answer "
                + "where participation_id = :p").param("p", participation).query(String.class).list())
                .containsExactly(firstCase + ":BCC:2");

        ShortcutsKt.fireShortcut(Key.KEY_F);
        ShortcutsKt.fireShortcut(Key.ENTER);
        assertThat(missingHint()).isEqualTo("Choose your confidence too (1 to 5).");
        assertThat(progressText()).isEqualTo("Case 2 of 3");
    }

    @Test
    void every_label_of_the_fourteen_shows_its_own_key_and_the_zoom_buttons_are_named_in_the_readers_language() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudyOf(coordinator, List.of("Hem", "PWS"), FOURTEEN, Options.defaults());
        long participation = studies.invite(study, reader, 3L);
        login(reader);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");

        Set<String> keys = new HashSet<>();
        for (String code : FOURTEEN) {
            Button button = _get(Button.class, spec -> spec.withId("option-" + code));
            String key = button.getElement().getAttribute("aria-keyshortcuts");
            assertThat(key).as(code).matches("[A-Z]");
            assertThat(button.getElement().getChild(0).getText()).as("the key is shown on the button").isEqualTo(key);
            keys.add(key);
        }
        assertThat(keys).hasSize(14);
        assertThat(_get(Button.class, spec -> spec.withId("zoom-in")).getElement().getAttribute("aria-label"))
                .isEqualTo("放大");
        assertThat(_get(Button.class, spec -> spec.withId("zoom-reset")).getTooltip().getText())
                .isEqualTo("适应窗口（重置缩放）");
        assertThat(_get(Button.class, spec -> spec.withId("fullscreen")).getElement().getAttribute("aria-label"))
                .isEqualTo("全屏");
    }

    @Test
    void the_reading_page_closes_the_navigation_drawer_and_leaving_it_opens_it_again() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reader");
        assertThat(_get(AppLayout.class).isDrawerOpened()).isTrue();

        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        assertThat(_get(AppLayout.class).isDrawerOpened()).isFalse();
        assertThat(_find(DrawerToggle.class)).as("a button opens it").hasSize(1);

        UI.getCurrent().navigate("reader");
        assertThat(_get(AppLayout.class).isDrawerOpened()).isTrue();
    }

    @Test
    void a_finished_phase_opened_again_says_so_with_its_answer_count_instead_of_a_live_quiz() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        for (int i = 0; i < 2; i++) {
            ShortcutsKt.fireShortcut(Key.KEY_M);
            ShortcutsKt.fireShortcut(Key.ENTER);
        }
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReadingDoneView.class);

        UI.getCurrent().navigate("reading/" + participation + "/unaided");

        assertThat(_get(Paragraph.class, spec -> spec.withId("phase-finished-text")).getText())
                .isEqualTo("2 of 2 answers are stored. Nothing more to do here.");
        assertThat(_get(RouterLink.class, spec -> spec.withId("to-my-studies")).getHref()).isEqualTo("reader");
        assertThat(_find(Image.class)).as("no image").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("save-answer"))).as("no live buttons").isEmpty();
        ShortcutsKt.fireShortcut(Key.KEY_M);
        ShortcutsKt.fireShortcut(Key.ENTER);
        assertThat(jdbc.sql("select count(*) from answer where participation_id = :p").param("p", participation)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void the_pause_between_batches_requests_no_image_and_continue_shows_the_next_case() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 4, LABELS, Options.defaults().withBatchSize(2));
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        for (int i = 0; i < 2; i++) {
            ShortcutsKt.fireShortcut(Key.KEY_M);
            ShortcutsKt.fireShortcut(Key.ENTER);
        }

        assertThat(_get(Div.class, spec -> spec.withId("batch-pause")).isVisible()).isTrue();
        assertThat(_find(Image.class)).as("no image behind the pause").isEmpty();
        long third = ReadingOrder.of(study.caseIds(), 5L, Phase.UNAIDED, true).get(2);
        assertThat(jdbc.sql("select count(*) from case_presentation where participation_id = :p and case_id = :c")
                .param("p", participation).param("c", third).query(Integer.class).single())
                .as("the next case is not shown (nor timed) during the pause").isZero();
        ShortcutsKt.fireShortcut(Key.KEY_M);
        assertThat(jdbc.sql("select count(*) from answer where participation_id = :p").param("p", participation)
                .query(Integer.class).single()).isEqualTo(2);

        _click(_get(Button.class, spec -> spec.withId("continue-batch")));
        assertThat(progressText()).isEqualTo("Case 3 of 4");
        assertThat(_get(Image.class, spec -> spec.withId("case-image"))).isNotNull();

        UI.getCurrent().navigate("reader");
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        assertThat(progressText()).as("not at a batch boundary: straight to the case").isEqualTo("Case 3 of 4");
    }

    @Test
    void an_error_about_one_case_does_not_stay_on_screen_over_the_next() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        Notifications.error("Something went wrong with this case");
        MockVaadin.clientRoundtrip();
        assertThat(_find(Notification.class)).hasSize(1);

        ShortcutsKt.fireShortcut(Key.KEY_M);
        ShortcutsKt.fireShortcut(Key.ENTER);
        MockVaadin.clientRoundtrip();

        assertThat(progressText()).isEqualTo("Case 2 of 3");
        assertThat(_find(Notification.class)).isEmpty();
    }

    @Test
    void the_image_of_the_next_case_is_loaded_ahead_and_shown_from_it() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 3, LABELS, Options.defaults());
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reading/" + participation + "/unaided");
        Image ahead = _get(Image.class, spec -> spec.withId("next-case-image"));
        assertThat(ahead.getClassNames()).contains("prefetch");

        ShortcutsKt.fireShortcut(Key.KEY_M);
        ShortcutsKt.fireShortcut(Key.ENTER);

        Image shown = _get(Image.class, spec -> spec.withId("case-image"));
        assertThat(shown).as("the same element, already loaded").isSameAs(ahead);
        assertThat(shown.getClassNames()).doesNotContain("prefetch");
        assertThat(_find(Image.class, spec -> spec.withId("next-case-image"))).hasSize(1);

        ShortcutsKt.fireShortcut(Key.KEY_M);
        ShortcutsKt.fireShortcut(Key.ENTER);
        assertThat(_find(Image.class, spec -> spec.withId("next-case-image"))).as("nothing after the last case")
                .isEmpty();
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
            ShortcutsKt.fireShortcut(Key.KEY_M);
            ShortcutsKt.fireShortcut(Key.ENTER);
        }

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReadingDoneView.class);
        UI.getCurrent().navigate("reader");
        assertThat(_get(Button.class, spec -> spec.withId("open-" + participation)).getText())
                .isEqualTo("Finished: see results");
    }

    @Test
    void between_the_phases_the_pages_say_when_the_ai_phase_opens_and_show_no_feedback_yet() {
        studies.giveProfile(reader, 10);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS,
                Options.defaults().withAidedPhase().withFeedback().withWashoutDays(10));
        long participation = studies.invite(study, reader, 5L);
        login(reader);
        UI.getCurrent().navigate("reader");
        _click(_get(Button.class, spec -> spec.withId("open-" + participation)));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("reading/" + participation + "/unaided");
        for (int i = 0; i < 2; i++) {
            ShortcutsKt.fireShortcut(Key.KEY_M);
            ShortcutsKt.fireShortcut(Key.ENTER);
        }

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReadingDoneView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("second-phase-blocker")).getText())
                .startsWith("The AI-assisted phase opens on ");
        assertThat(_find(Paragraph.class, spec -> spec.withId("feedback-accuracy-unaided")))
                .as("no feedback before the second reading").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("start-aided"))).isEmpty();

        UI.getCurrent().navigate("reading/" + participation + "/aided");
        assertThat(_get(Paragraph.class, spec -> spec.withId("phase-blocked-text")).getText())
                .startsWith("The AI-assisted phase opens on ");
        assertThat(_find(Button.class, spec -> spec.withId("save-answer"))).isEmpty();

        UI.getCurrent().navigate("reader");
        assertThat(_get(Span.class, spec -> spec.withId("opens-at-" + participation)).getText())
                .startsWith("The AI-assisted phase opens on ");
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

    private static String missingHint() {
        return _get(Paragraph.class, spec -> spec.withId("missing-hint")).getText();
    }

    private static String pressed(String id) {
        return _get(Button.class, spec -> spec.withId(id)).getElement().getAttribute("aria-pressed");
    }

    private static String progressText() {
        return _get(Span.class, spec -> spec.withId("reading-progress-text")).getText();
    }
}
