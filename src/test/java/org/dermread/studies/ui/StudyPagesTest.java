package org.dermread.studies.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.Taxonomy;
import org.dermread.reading.ui.ReaderHomeView;
import org.dermread.reading.ui.ReaderProfileView;
import org.dermread.shell.NotFoundView;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetDesign;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.Participant;
import org.dermread.studies.SamplingPlan;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;
import org.dermread.studies.StudySummary;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's case-set designer, studies list and study editor, server-side with the real services. */
class StudyPagesTest extends KaribuTest {

    static final List<String> EIGHT = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK");

    @Autowired
    CaseLibraryService library;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    StudyService studies;
    @Autowired
    Taxonomy taxonomy;
    @Autowired
    AccountService accounts;

    Account coordinator;

    @BeforeEach
    void aCoordinatorWithTheDemoLibrary() {
        coordinator = testAccounts.create("page-coord", Role.COORDINATOR);
        login(coordinator);
        library.importFolder(Path.of("study-sets/demo"));
    }

    @Test
    void the_designer_draws_a_stratified_sample_shows_its_distribution_and_saves_the_seed() {
        UI.getCurrent().navigate("coordinator/case-sets/new");
        String name = "Designed " + System.nanoTime();
        _setValue(_get(TextField.class, spec -> spec.withId("case-set-name")), name);
        chooseLabels(_get(CheckboxGroup.class, spec -> spec.withId("case-set-labels")), EIGHT);
        _setValue(_get(IntegerField.class, spec -> spec.withId("per-class")), 3);
        _setValue(_get(TextField.class, spec -> spec.withId("sampling-seed")), "4242");

        _click(_get(Button.class, spec -> spec.withId("draw-cases")));

        Grid<?> distribution = _get(Grid.class, spec -> spec.withId("distribution"));
        assertThat(GridKt._size(distribution)).isEqualTo(8);
        assertThat(GridKt._getFormattedRow(distribution, 0)).last().isEqualTo("3");
        assertThat(_get(Span.class, spec -> spec.withId("chosen-total")).getText()).isEqualTo("24 cases in 8 classes");

        _click(_get(Button.class, spec -> spec.withId("save-case-set")));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CaseSetsView.class);
        CaseSet saved = caseSets.list().stream().filter(set -> set.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.samplingSeed()).isEqualTo(4242L);
        assertThat(saved.samplingPerClass()).isEqualTo(3);
        assertThat(saved.labels()).containsExactlyElementsOf(EIGHT);
        assertThat(saved.caseCount()).isEqualTo(24);
    }

    @Test
    void saving_before_drawing_explains_what_is_missing_and_saves_nothing() {
        int before = caseSets.list().size();
        UI.getCurrent().navigate("coordinator/case-sets/new");
        _setValue(_get(TextField.class, spec -> spec.withId("case-set-name")), "Not drawn");
        chooseLabels(_get(CheckboxGroup.class, spec -> spec.withId("case-set-labels")), EIGHT);

        _click(_get(Button.class, spec -> spec.withId("save-case-set")));

        NotificationsKt.expectNotifications("Draw the cases first.");
        assertThat(caseSets.list()).hasSize(before);
    }

    @Test
    void cases_picked_by_hand_are_counted_per_class_before_saving() {
        UI.getCurrent().navigate("coordinator/case-sets/new");
        _setValue(_get(TextField.class, spec -> spec.withId("case-set-name")), "Hand-picked");
        chooseLabels(_get(CheckboxGroup.class, spec -> spec.withId("case-set-labels")), List.of("MN", "BCC"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> mode = _get(RadioButtonGroup.class, spec -> spec.withId("case-set-mode"));
        _setValue(mode, "hand");
        @SuppressWarnings("unchecked")
        Grid<LibraryCase> hand = _get(Grid.class, spec -> spec.withId("hand-grid"));

        List<LibraryCase> items = List.of(GridKt._get(hand, 0), GridKt._get(hand, 1),
                GridKt._get(hand, 2));
        hand.asMultiSelect().setValue(new LinkedHashSet<>(items));

        assertThat(_get(Span.class, spec -> spec.withId("chosen-total")).getText()).isEqualTo("3 cases in 2 classes");
        _click(_get(Button.class, spec -> spec.withId("save-case-set")));
        CaseSet saved = caseSets.list().stream().filter(set -> set.name().equals("Hand-picked"))
                .findFirst().orElseThrow();
        assertThat(saved.samplingSeed()).isNull();
        assertThat(saved.caseCount()).isEqualTo(3);
    }

    @Test
    void a_coordinator_creates_a_study_invites_two_readers_and_opens_it_which_locks_it() {
        long caseSetId = sampledCaseSet("For the study");
        Account readerA = testAccounts.create("page-reader-a", Role.READER);
        Account readerB = testAccounts.create("page-reader-b", Role.READER);

        UI.getCurrent().navigate("coordinator/studies/new");
        _setValue(_get(TextField.class, spec -> spec.withId("study-name")), "Page study");
        @SuppressWarnings("unchecked")
        Select<CaseSet> caseSet = _get(Select.class, spec -> spec.withId("study-case-set"));
        _setValue(caseSet, caseSets.find(caseSetId));
        assertThat(selectedCodes(_get(CheckboxGroup.class, spec -> spec.withId("study-labels"))))
                .containsExactlyElementsOf(EIGHT);
        _click(_get(Button.class, spec -> spec.withId("save-study")));

        StudySummary created = studies.listStudies().stream().filter(s -> s.name().equals("Page study"))
                .findFirst().orElseThrow();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(StudyEditorView.class);
        assertThat(created.status()).isEqualTo(StudyStatus.DRAFT);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Account> choice = _get(MultiSelectComboBox.class, spec -> spec.withId("reader-choice"));
        _setValue(choice, choice.getListDataView().getItems()
                .filter(a -> a.id().equals(readerA.id()) || a.id().equals(readerB.id())).collect(Collectors.toSet()));
        _click(_get(Button.class, spec -> spec.withId("invite-readers")));
        assertThat(studies.participants(created.id())).extracting(Participant::username)
                .containsExactlyInAnyOrder(readerA.username(), readerB.username());
        Grid<?> participantGrid = _get(Grid.class, spec -> spec.withId("participant-grid"));
        assertThat(GridKt._size(participantGrid)).isEqualTo(2);
        List<Participant> invited = studies.participants(created.id());
        for (int row = 0; row < 2; row++) {
            String shown = GridKt._getFormattedRow(participantGrid, row).get(2);
            assertThat(shown).as("a compact order seed").hasSizeLessThanOrEqualTo(9)
                    .isIn(invited.stream().map(p -> Seeds.shortForm(p.orderSeed())).toList());
        }

        _click(_get(Button.class, spec -> spec.withId("open-study")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-open")));

        assertThat(studies.findStudy(created.id()).status()).isEqualTo(StudyStatus.OPEN);
        assertThat(caseSets.find(caseSetId).locked()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("study-status")).getText()).isEqualTo("Open");
        assertThat(_get(TextField.class, spec -> spec.withId("study-name")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("save-study"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("close-study"))).hasSize(1);
    }

    @Test
    void readers_created_from_a_pasted_list_get_one_time_passwords_shown_once() {
        long studyId = draftStudy("Bulk page");
        UI.getCurrent().navigate("coordinator/studies/" + studyId);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);

        _setValue(_get(TextArea.class, spec -> spec.withId("reader-list")), """
                Wang Fang, wangfang%1$s, 8, 4, yes, ATTENDING, TERTIARY_A
                Chen Jie, chen.jie.%1$s@example.org, 1, 0, no, RESIDENT, SECONDARY
                """.formatted(suffix));
        _click(_get(Button.class, spec -> spec.withId("create-readers")));

        Grid<?> passwords = _get(Grid.class, spec -> spec.withId("created-readers"));
        assertThat(GridKt._size(passwords)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(passwords, 0).get(2)).hasSize(16);
        assertThat(studies.participants(studyId)).hasSize(2);
    }

    @Test
    void a_bad_pasted_list_is_explained_and_creates_no_one() {
        long studyId = draftStudy("Bad list page");
        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        _setValue(_get(TextArea.class, spec -> spec.withId("reader-list")), "Only a name\n");
        _click(_get(Button.class, spec -> spec.withId("create-readers")));

        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(studies.participants(studyId)).isEmpty();
    }

    @Test
    void a_pasted_list_names_the_line_and_the_field_of_each_problem_under_the_list() {
        long studyId = draftStudy("List with problems");
        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        _setValue(_get(TextArea.class, spec -> spec.withId("reader-list")), """
                Li Wei, liwei-problems, 12, 6, yes, CHIEF, TERTIARY_A
                Zhang Min, zhangmin-problems, 3, x, no, RESIDENT, SECONDARY
                Wang Fang, wangfang-problems, 2, 5, no, RESIDENT, SECONDARY
                """);
        _click(_get(Button.class, spec -> spec.withId("create-readers")));

        Div problems = _get(Div.class, spec -> spec.withId("reader-list-problems"));
        assertThat(_find(problems, Paragraph.class)).extracting(Paragraph::getText).containsExactly(
                "Line 2: Years of dermoscopy \"x\" is not a number.",
                "Line 3: Years of dermoscopy (5) cannot be more than years in dermatology (2).");
        assertThat(studies.participants(studyId)).isEmpty();
    }

    @Test
    void a_reader_created_from_a_pasted_list_opens_their_home_and_profile_pages() {
        long studyId = draftStudy("Listed reader page");
        String login = "listed-page-" + System.nanoTime() % 1_000_000;
        UI.getCurrent().navigate("coordinator/studies/" + studyId);
        _setValue(_get(TextArea.class, spec -> spec.withId("reader-list")),
                "Listed Reader, " + login + ", 9, 4, yes, ATTENDING, TERTIARY_A");
        _click(_get(Button.class, spec -> spec.withId("create-readers")));
        Grid<?> passwords = _get(Grid.class, spec -> spec.withId("created-readers"));
        String oneTimePassword = GridKt._getFormattedRow(passwords, 0).get(2);
        studies.open(studyId);
        Account reader = accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                .orElseThrow();

        login(reader);
        accounts.changeOwnPassword(oneTimePassword, "Chosen-by-the-reader-7");
        UI.getCurrent().navigate("reader");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReaderHomeView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Start"))).hasSize(1);
        UI.getCurrent().navigate("reader/profile");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReaderProfileView.class);
        assertThat(_get(IntegerField.class, spec -> spec.withId("years-dermatology")).getValue()).isEqualTo(9);
        assertThat(_get(IntegerField.class, spec -> spec.withId("years-dermoscopy")).getValue()).isEqualTo(4);
    }

    @Test
    void a_saved_sampled_case_set_opens_with_its_seed_and_its_distribution() {
        long caseSetId = sampledCaseSet("Reopened");

        UI.getCurrent().navigate("coordinator/case-sets/" + caseSetId);

        assertThat(_get(TextField.class, spec -> spec.withId("case-set-name")).getValue()).isEqualTo("Reopened");
        assertThat(_get(TextField.class, spec -> spec.withId("sampling-seed")).getValue()).isEqualTo("9");
        assertThat(_get(IntegerField.class, spec -> spec.withId("per-class")).getValue()).isEqualTo(2);
        assertThat(_get(Span.class, spec -> spec.withId("chosen-total")).getText()).isEqualTo("16 cases in 8 classes");
    }

    @Test
    void another_coordinator_cannot_open_a_study_they_do_not_manage() {
        long studyId = draftStudy("Not theirs");
        login(testAccounts.create("page-other", Role.COORDINATOR));

        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NotFoundView.class);
        UI.getCurrent().navigate("coordinator/studies");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("study-grid"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._getFormattedRow(grid, i).get(0)).isNotEqualTo("Not theirs");
        }
    }

    @Test
    void the_landing_page_and_the_designer_speak_chinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        UI.getCurrent().navigate("coordinator");
        assertThat(_get(H2.class, spec -> spec.withId("landing-title")).getText()).isEqualTo("研究与病例");
        UI.getCurrent().navigate("coordinator/case-sets/new");
        assertThat(_get(Button.class, spec -> spec.withId("draw-cases")).getText()).isEqualTo("抽取病例");
        assertThat(_get(CheckboxGroup.class, spec -> spec.withId("case-set-labels")).getItemLabelGenerator()
                .apply(taxonomy.find("MN").orElseThrow())).startsWith("MN · 色素痣");
    }

    @Test
    void the_editor_sets_a_washout_and_a_randomised_phase_order_only_with_the_ai_phase() {
        long caseSetId = sampledCaseSet("For the crossover");
        UI.getCurrent().navigate("coordinator/studies/new");
        _setValue(_get(TextField.class, spec -> spec.withId("study-name")), "Crossover study");
        @SuppressWarnings("unchecked")
        Select<CaseSet> caseSet = _get(Select.class, spec -> spec.withId("study-case-set"));
        _setValue(caseSet, caseSets.find(caseSetId));
        IntegerField washout = _get(IntegerField.class, spec -> spec.withId("study-washout"));
        Checkbox randomise = _get(Checkbox.class, spec -> spec.withId("study-randomise-phase-order"));
        Checkbox wrongCases = _get(Checkbox.class, spec -> spec.withId("study-feedback-cases"));
        assertThat(washout.isEnabled()).as("only with the AI-assisted phase").isFalse();
        assertThat(randomise.isEnabled()).isFalse();
        assertThat(wrongCases.isEnabled()).as("only with feedback").isFalse();

        _setValue(_get(Checkbox.class, spec -> spec.withId("study-ai")), true);
        _setValue(_get(Checkbox.class, spec -> spec.withId("study-feedback")), true);
        assertThat(washout.isEnabled()).isTrue();
        _setValue(washout, 21);
        _setValue(randomise, true);
        _setValue(wrongCases, true);
        _click(_get(Button.class, spec -> spec.withId("save-study")));

        StudySummary created = studies.listStudies().stream().filter(s -> s.name().equals("Crossover study"))
                .findFirst().orElseThrow();
        StudyOptions options = studies.findStudy(created.id()).options();
        assertThat(options.washoutDays()).isEqualTo(21);
        assertThat(options.randomisePhaseOrder()).isTrue();
        assertThat(options.feedbackCases()).isTrue();
        assertThat(_get(IntegerField.class, spec -> spec.withId("study-washout")).getValue()).isEqualTo(21);
    }

    /** A draft study of the coordinator's on a case set of its own. */
    private long draftStudy(String name) {
        return studies.create(new StudyForm(name, null, sampledCaseSet("For " + name), EIGHT, StudyOptions.DEFAULTS));
    }

    private long sampledCaseSet(String name) {
        var plan = new SamplingPlan(EIGHT, 2, 9, Set.of());
        var drawn = caseSets.sample(plan);
        return caseSets.create(new CaseSetDesign(name, null, EIGHT, drawn.caseIds(), 9L, 2));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void chooseLabels(CheckboxGroup group, List<String> codes) {
        _setValue(group, new LinkedHashSet<>(codes.stream().map(code -> taxonomy.find(code).orElseThrow()).toList()));
    }

    @SuppressWarnings("unchecked")
    private List<String> selectedCodes(CheckboxGroup<?> group) {
        return taxonomy.inTaxonomyOrder(((Set<Diagnosis>) group.getValue()).stream().map(Diagnosis::code).toList());
    }
}
