package org.dermread.inference.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.inference.CaseResult;
import org.dermread.inference.InferenceJob;
import org.dermread.inference.InferenceService;
import org.dermread.inference.ModelRegistry;
import org.dermread.inference.RegisteredModel;
import org.dermread.inference.RunSubscription;
import org.dermread.inference.SaliencyService;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.inference.StudyOverview;
import org.dermread.shell.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * The AI on one study: run a model over its cases (coordinators of the study and admins) with a live progress bar
 * and a cancel button, and per case the AI's probabilities over the study's labels and its saliency map. The run
 * happens in the job worker, never on the UI thread; progress arrives by server push ({@code ui.access}).
 */
@Route("inference/study")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR, Role.Names.STATISTICIAN})
public class StudyAiView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final InferenceService inference;
    private final ModelRegistry registry;
    private final SaliencyService saliency;
    private final H2 title = new H2();
    final Select<RegisteredModel> model = new Select<>();
    final Button run = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<CaseResult> cases = new Grid<>();
    final Div details = new Div();
    private long studyId;
    private StudyOverview study;
    private RunSubscription subscription;
    private Long followed;

    public StudyAiView(InferenceService inference, ModelRegistry registry, SaliencyService saliency) {
        this.inference = inference;
        this.registry = registry;
        this.saliency = saliency;
        setId("inference-study");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        studyId = parameter;
        try {
            study = inference.study(studyId);
        } catch (UserFacingException e) {
            Notifications.error(e);
            event.rerouteTo(AiRunsView.class);
            return;
        } catch (AccessDeniedException e) {
            // Not a coordinator of this study: back to the studies this user may see.
            event.rerouteTo(AiRunsView.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        title.setText(getTranslation("inference.study.title", study.name()));
        add(title);

        model.setLabel(getTranslation("inference.study.model"));
        model.setId("inference-model-select");
        model.setItemLabelGenerator(RegisteredModel::label);
        List<RegisteredModel> models = registry.models();
        model.setItems(models);
        inference.studyModel(studyId).flatMap(sha -> models.stream().filter(m -> m.sha256().equals(sha)).findFirst())
                .or(() -> models.stream().findFirst()).ifPresent(model::setValue);
        run.setText(getTranslation("inference.study.run"));
        run.setId("inference-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> startRun());
        cancel.setText(getTranslation("inference.study.cancel"));
        cancel.setId("inference-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(click -> cancelRun());
        cancel.setEnabled(false);
        HorizontalLayout controls = new HorizontalLayout(model, run, cancel);
        controls.setAlignItems(Alignment.BASELINE);
        controls.setVisible(study.mayRun());
        add(controls);

        progress.setId("inference-progress");
        progress.setMin(0);
        progress.setMax(1);
        progressText.setId("inference-progress-text");
        add(progress, progressText);
        study.latestRun().ifPresentOrElse(this::show, () -> {
            progress.setValue(0);
            progressText.setText(getTranslation("inference.runs.none"));
        });

        cases.setId("inference-cases");
        cases.addColumn(CaseResult::externalId).setHeader(getTranslation("inference.study.case")).setAutoWidth(true);
        cases.addColumn(CaseResult::groundTruth).setHeader(getTranslation("inference.study.truth"));
        cases.addColumn(result -> result.prediction().map(StudyCasePrediction::predictedLabel).orElse("–"))
                .setHeader(getTranslation("inference.study.ai"));
        cases.addColumn(result -> result.prediction().map(p -> percent(p.probabilityOf(p.predictedLabel())))
                .orElse("")).setHeader(getTranslation("inference.study.probability"));
        cases.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        cases.asSingleSelect().addValueChangeListener(change -> showCase(change.getValue()));
        cases.setWidth("36em");
        cases.setHeight("32em");
        details.setId("inference-case-details");
        HorizontalLayout body = new HorizontalLayout(cases, details);
        body.setWidthFull();
        add(body);
        refreshCases();
    }

    private void startRun() {
        RegisteredModel chosen = model.getValue();
        if (chosen == null) {
            Notifications.error(getTranslation("inference.study.choose-model"));
            return;
        }
        try {
            long job = inference.startRun(studyId, chosen.sha256());
            show(inference.run(job));
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void cancelRun() {
        if (followed != null) {
            try {
                inference.cancelRun(followed);
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        }
    }

    /** Shows a run's state and, while it is active, follows it from a background thread with server push. */
    void show(InferenceJob job) {
        progress.setValue(job.progress());
        progressText.setText(getTranslation("inference.status." + job.status().name()) + " · "
                + getTranslation("inference.study.progress", job.doneCases(), job.totalCases(), job.computedCases())
                + (job.error() == null ? "" : " · " + ErrorText.of(this, job.error())));
        boolean active = !job.status().finished();
        cancel.setEnabled(active && study.mayRun());
        run.setEnabled(!active);
        if (active && !Long.valueOf(job.id()).equals(followed)) {
            follow(job.id());
        }
        if (!active) {
            followed = null;
            stopFollowing();
            refreshCases();
        }
    }

    private void follow(long jobId) {
        stopFollowing();
        followed = jobId;
        Optional<UI> ui = getUI();
        if (ui.isEmpty()) {
            return;
        }
        UI current = ui.get();
        subscription = inference.followRun(jobId, job -> current.access(() -> show(job)));
    }

    private void stopFollowing() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (followed != null && subscription == null) {
            follow(followed);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    private void refreshCases() {
        cases.setItems(inference.caseResults(studyId));
    }

    private void showCase(CaseResult result) {
        details.removeAll();
        if (result == null) {
            return;
        }
        details.add(new H3(result.externalId() + " · " + getTranslation("inference.study.truth") + ": "
                + result.groundTruth()));
        if (result.prediction().isEmpty()) {
            details.add(new Span(getTranslation("inference.study.not-predicted")));
            return;
        }
        StudyCasePrediction prediction = result.prediction().get();
        VerticalLayout bars = new VerticalLayout();
        bars.setPadding(false);
        bars.setSpacing(false);
        bars.setId("inference-probabilities");
        for (int i = 0; i < prediction.labels().size(); i++) {
            ProgressBar bar = new ProgressBar(0, 1, prediction.probabilities().get(i));
            bar.setWidth("12em");
            HorizontalLayout row = new HorizontalLayout(new Span(prediction.labels().get(i)), bar,
                    new Span(percent(prediction.probabilities().get(i))));
            row.setAlignItems(Alignment.CENTER);
            bars.add(row);
        }
        details.add(bars);
        try {
            byte[] png = saliency.saliencyPng(prediction.modelSha256(), result.caseId());
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(png), "saliency-" + result.caseId() + ".png", "image/png", png.length)),
                    getTranslation("inference.study.saliency"));
            image.setId("inference-saliency");
            image.setWidth("320px");
            details.add(new H3(getTranslation("inference.study.saliency")), image);
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private static String percent(double p) {
        return String.format("%.1f %%", 100 * p);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inference.runs.title") + " · " + getTranslation("app.name");
    }
}
