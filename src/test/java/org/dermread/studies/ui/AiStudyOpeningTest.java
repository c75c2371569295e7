package org.dermread.studies.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.InferenceJob;
import org.dermread.inference.InferenceService;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.StudyAiRuns.ModelChoice;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Opening an AI-assisted study before its model has read every case warns and offers to start the run. */
class AiStudyOpeningTest extends KaribuTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    TestStudies studies;
    @Autowired
    StudyService studyService;
    @Autowired
    InferenceService inference;

    Account coordinator;
    TestStudy cases;

    @BeforeEach
    void aCoordinatorWithCases() {
        coordinator = testAccounts.create("ai-open-coord", Role.COORDINATOR);
        cases = studies.openStudy(coordinator, 4, LABELS, TestStudies.Options.defaults());
    }

    @Test
    void an_ai_study_without_a_run_warns_and_opens_with_the_demo_model_running() {
        long studyId = draft(true);
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        _click(_get(Button.class, spec -> spec.withId("open-study")));

        assertThat(_find(ConfirmDialog.class, spec -> spec.withId("confirm-open"))).isEmpty();
        _get(Dialog.class, spec -> spec.withId("ai-not-ready"));
        @SuppressWarnings("unchecked")
        Select<ModelChoice> model = _get(Select.class, spec -> spec.withId("ai-model"));
        ModelChoice demo = model.getListDataView().getItems()
                .filter(choice -> choice.label().startsWith("demo-skin-cnn")).findFirst().orElseThrow();
        _setValue(model, demo);
        _click(_get(Button.class, spec -> spec.withId("open-and-run")));

        assertThat(studyService.findStudy(studyId).status()).isEqualTo(StudyStatus.OPEN);
        assertThat(inference.runs(studyId)).extracting(InferenceJob::modelSha256).containsExactly(demo.sha256());
    }

    @Test
    void the_coordinator_may_open_an_ai_study_without_starting_a_run() {
        long studyId = draft(true);
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        _click(_get(Button.class, spec -> spec.withId("open-study")));
        _click(_get(Button.class, spec -> spec.withId("open-without-run")));

        assertThat(studyService.findStudy(studyId).status()).isEqualTo(StudyStatus.OPEN);
        assertThat(inference.runs(studyId)).isEmpty();
    }

    @Test
    void a_study_without_an_ai_phase_is_opened_after_the_plain_confirmation() {
        long studyId = draft(false);
        login(coordinator);
        UI.getCurrent().navigate("coordinator/studies/" + studyId);

        _click(_get(Button.class, spec -> spec.withId("open-study")));

        assertThat(_find(Dialog.class, spec -> spec.withId("ai-not-ready"))).isEmpty();
        assertThat(_get(ConfirmDialog.class, spec -> spec.withId("confirm-open"))).isNotNull();
    }

    private long draft(boolean aiAssisted) {
        SignIn.as(coordinator);
        try {
            return studyService.create(new StudyForm("AI opening " + System.nanoTime(), null, cases.caseSetId(),
                    LABELS, new StudyOptions(true, false, ConfidenceScale.NONE, false, aiAssisted, false, null)));
        } finally {
            SignIn.out();
        }
    }
}
