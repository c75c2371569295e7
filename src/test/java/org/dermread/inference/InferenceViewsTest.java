package org.dermread.inference;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.DemoStudies.DemoStudy;
import org.dermread.inference.ui.AiRunsView;
import org.dermread.shell.AccessDeniedView;
import org.dermread.shell.NotFoundView;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The coordinator's AI pages, server-side with Karibu-Testing: real services, worker, DJL and database. */
class InferenceViewsTest extends KaribuTest {

    /** This context's own strategy (see {@link #useThisContextsSecurity()}). */
    @Autowired
    SecurityContextHolderStrategy securityStrategy;

    /**
     * Each Spring test context installs its own Vaadin-aware security strategy (with its own thread-local) as the
     * global one; after another context has started, signing in through {@code SecurityContextHolder} would land
     * in that context's strategy and this context's method security would see nobody. Point the global holder back
     * at this context's strategy.
     */
    @BeforeEach
    void useThisContextsSecurity() {
        SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @Autowired
    DemoStudies demoStudies;
    @Autowired
    ModelRegistry registry;

    @Test
    void a_coordinator_runs_the_demo_model_on_a_study_watches_the_progress_and_sees_probabilities_and_saliency()
            throws InterruptedException {
        Account coordinator = testAccounts.create("coord", Role.COORDINATOR);
        DemoStudy study = demoStudies.create(coordinator, BatchRunTest.DEMO_LABELS, 20, false);
        login(coordinator);

        UI.getCurrent().navigate("inference/study/" + study.studyId());
        @SuppressWarnings("unchecked")
        Select<RegisteredModel> models = _get(Select.class, spec -> spec.withId("inference-model-select"));
        RegisteredModel demo = registry.models().stream().filter(m -> m.name().equals("demo-skin-cnn")).findFirst()
                .orElseThrow();
        _setValue(models, demo);
        _click(_get(Button.class, spec -> spec.withId("inference-run")));

        ProgressBar progress = _get(ProgressBar.class, spec -> spec.withId("inference-progress"));
        Button cancel = _get(Button.class, spec -> spec.withId("inference-cancel"));
        assertThat(cancel.isEnabled()).as("a queued run can be cancelled").isTrue();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while ((progress.getValue() < 1 || cancel.isEnabled()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            // Runs what the background thread handed to the UI with ui.access (the push a browser would get).
            MockVaadin.clientRoundtrip();
        }
        assertThat(progress.getValue()).isEqualTo(1.0);
        assertThat(cancel.isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("inference-progress-text"))
                .getText()).startsWith("Done");

        @SuppressWarnings("unchecked")
        Grid<CaseResult> cases = _get(Grid.class, spec -> spec.withId("inference-cases"));
        List<CaseResult> rows = cases.getDataProvider().fetch(new Query<>()).toList();
        assertThat(rows).hasSize(20).allSatisfy(row -> assertThat(row.prediction()).isPresent());
        long correct = rows.stream().filter(row -> row.prediction().get().predictedLabel().equals(row.groundTruth()))
                .count();
        // The demo model is meant to be about as accurate as a good dermatologist (0.755 on the demo set), not perfect.
        assertThat(correct).as("far better than chance (1 in 10) on images from its training set's generator")
                .isGreaterThanOrEqualTo(10);

        cases.select(rows.get(0));
        assertThat(_get(Image.class, spec -> spec.withId("inference-saliency"))).isNotNull();
        assertThat(_get(VerticalLayout.class,
                spec -> spec.withId("inference-probabilities")).getComponentCount()).isEqualTo(10);
    }

    @Test
    void a_coordinator_registers_a_model_by_uploading_its_file_and_manifest() throws IOException {
        login(testAccounts.create("coord", Role.COORDINATOR));
        UI.getCurrent().navigate("inference/models");
        ExportedModels.Exported tiny = ExportedModels.tiny();

        Upload upload = _get(Upload.class, spec -> spec.withId("inference-upload"));
        UploadKt._upload(upload, "model.pt", Files.readAllBytes(tiny.pt()));
        UploadKt._upload(upload, "model.json", Files.readAllBytes(tiny.json()));
        _click(_get(Button.class, spec -> spec.withId("inference-register-upload")));

        @SuppressWarnings("unchecked")
        Grid<RegisteredModel> grid = _get(Grid.class, spec -> spec.withId("inference-model-grid"));
        assertThat(grid.getDataProvider().fetch(new Query<>()).map(RegisteredModel::name).toList())
                .contains("test-tiny", "demo-skin-cnn");
    }

    @Test
    void a_statistician_sees_a_study_without_the_run_controls_and_readers_see_no_ai_page() {
        Account coordinator = testAccounts.create("coord", Role.COORDINATOR);
        DemoStudy study = demoStudies.create(coordinator, BatchRunTest.DEMO_LABELS, 2, false);

        login(testAccounts.create("stat", Role.STATISTICIAN));
        UI.getCurrent().navigate("inference/study/" + study.studyId());
        _assertNone(Button.class, spec -> spec.withId("inference-run"));
        assertThat(_get(Grid.class, spec -> spec.withId("inference-cases"))).isNotNull();

        login(testAccounts.create("reader", Role.READER));
        for (String route : List.of("inference", "inference/models", "inference/study/" + study.studyId())) {
            UI.getCurrent().navigate(route);
            assertThat(UI.getCurrent().getCurrentView()).as(route)
                    .isInstanceOfAny(AccessDeniedView.class, NotFoundView.class);
        }

        login(testAccounts.create("other", Role.COORDINATOR));
        UI.getCurrent().navigate("inference/study/" + study.studyId());
        assertThat(UI.getCurrent().getCurrentView()).as("another study's coordinator is sent back to the list")
                .isInstanceOf(AiRunsView.class);
    }
}
