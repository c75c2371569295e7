package org.dermread.studies.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetDesign;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.SamplingPlan;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyService;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The study editor's arms: defined on the page, saved through the service, a bad arm explained, none saved. */
class StudyArmsEditorTest extends KaribuTest {

    static final List<String> EIGHT = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK");

    @Autowired
    CaseLibraryService library;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    StudyService studies;

    long caseSetId;

    @BeforeEach
    void aCoordinatorWithACaseSet() {
        Account coordinator = testAccounts.create("arms-page-coord", Role.COORDINATOR);
        login(coordinator);
        library.importFolder(Path.of("study-sets/demo"));
        var drawn = caseSets.sample(new SamplingPlan(EIGHT, 1, 3, Set.of()));
        caseSetId = caseSets.create(new CaseSetDesign("Arms page", null, EIGHT, drawn.caseIds(), 3L, 1));
    }

    @Test
    void a_coordinator_defines_two_arms_and_a_bad_one_is_explained_without_saving() {
        UI.getCurrent().navigate("coordinator/studies/new");
        _setValue(_get(TextField.class, spec -> spec.withId("study-name")), "Arms on the page");
        @SuppressWarnings("unchecked")
        Select<CaseSet> caseSet = _get(Select.class, spec -> spec.withId("study-case-set"));
        _setValue(caseSet, caseSets.find(caseSetId));
        assertThat(_get(Button.class, spec -> spec.withId("study-arm-add")).isEnabled())
                .as("arms need the AI-assisted phase").isFalse();
        _setValue(_get(Checkbox.class, spec -> spec.withId("study-ai")), true);

        _click(_get(Button.class, spec -> spec.withId("study-arm-add")));
        _click(_get(Button.class, spec -> spec.withId("study-arm-add")));
        _setValue(_get(TextField.class, spec -> spec.withId("study-arm-A-name")), "Probabilities");
        _setValue(_get(TextField.class, spec -> spec.withId("study-arm-B-name")), "Diagnosis and similar cases");
        _setValue(_get(Checkbox.class, spec -> spec.withId("study-arm-B-top1")), true);
        assertThat(_get(Checkbox.class, spec -> spec.withId("study-arm-B-probabilities")).getValue())
                .as("the diagnosis alone excludes the probabilities").isFalse();
        _setValue(_get(Checkbox.class, spec -> spec.withId("study-arm-B-similar")), true);
        _setValue(_get(IntegerField.class, spec -> spec.withId("study-arm-B-k")), 99);

        _click(_get(Button.class, spec -> spec.withId("save-study")));
        NotificationsKt.expectNotifications("Arm B: the number of similar cases must be from 1 to 20.");
        assertThat(studies.listStudies()).noneMatch(s -> s.name().equals("Arms on the page"));

        _setValue(_get(IntegerField.class, spec -> spec.withId("study-arm-B-k")), 4);
        _click(_get(Button.class, spec -> spec.withId("save-study")));
        long id = studies.listStudies().stream().filter(s -> s.name().equals("Arms on the page")).findFirst()
                .orElseThrow().id();
        assertThat(studies.findStudy(id).arms()).containsExactly(
                new StudyArm("A", "Probabilities", false, true, false, false, null, false),
                new StudyArm("B", "Diagnosis and similar cases", true, false, false, true, 4, false));
        assertThat(_find(TextField.class, spec -> spec.withId("study-arm-B-name"))).singleElement()
                .satisfies(name -> assertThat(name.getValue()).isEqualTo("Diagnosis and similar cases"));
    }
}
