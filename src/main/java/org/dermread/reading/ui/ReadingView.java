package org.dermread.reading.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.reading.CaseToRead;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.reading.ReadingSession;
import org.dermread.reading.SaveOutcome;
import org.dermread.reading.SavedAnswer;
import org.dermread.shell.BodySites;
import org.dermread.shell.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case at a time, in focus mode (the navigation drawer closed; its toggle stays in the top bar): the image as
 * large as the screen allows, the study's label set as a compact grid of answer buttons, each with its key, the
 * confidence on one line, and Save, all without scrolling on desktops and tablets. In the AI-assisted phase the AI's
 * panel sits beside the image (it can be folded away; the choice is remembered for the session). The next case's
 * image is loaded while the reader looks at the current one. The page holds no ground truth and no case
 * identifiers: the server keeps the current case.
 */
@Route("reading/:participation(\\d+)/:phase(unaided|aided)")
@RolesAllowed(Role.Names.READER)
public class ReadingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ReadingService reading;
    private final ImageViewer viewer = new ImageViewer();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div clinical = new Div();
    private final Div body = new Div();
    private final FocusMode focusMode = new FocusMode();
    private final BatchPause pause = new BatchPause(this::resume);
    private final Paragraph missing = new Paragraph();
    private final Paragraph revisingNote = new Paragraph();
    private final Button save = new Button();
    private final Button back = new Button();
    private final List<ShortcutRegistration> shortcuts = new ArrayList<>();

    private ReadingSession session;
    private CaseToRead current;
    private AnswerChoices choices;
    private AiAdvicePanel advicePanel;
    private boolean revising;
    private boolean paused;

    public ReadingView(ReadingService reading) {
        this.reading = reading;
        setId("reading-view");
        addClassName("reading-view");
    }

    /** Route parameters for a participation's phase ({@code unaided} or {@code aided}). */
    public static RouteParameters parameters(long participationId, String phase) {
        return new RouteParameters(new RouteParam("participation", participationId),
                new RouteParam("phase", phase));
    }

    /** Route parameters for a participation's phase. */
    public static RouteParameters parameters(long participationId, Phase phase) {
        return parameters(participationId, phase.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long participationId = Long.parseLong(event.getRouteParameters().get("participation").orElseThrow());
        Phase phase = Phase.valueOf(event.getRouteParameters().get("phase").orElseThrow().toUpperCase(Locale.ROOT));
        StaleMessages.close(event.getUI());
        try {
            session = reading.open(participationId, phase);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (UserFacingException e) {
            if ("reading.error.profile-missing".equals(e.messageKey())) {
                event.forwardTo(ReaderProfileView.class);
                return;
            }
            showClosed("phase-blocked", getTranslation("reading.blocked.title"),
                    getTranslation(e.messageKey(), e.arguments()), participationId);
            return;
        }
        if (session.finished()) {
            showFinished();
            return;
        }
        build();
        showNext();
    }

    /** In place of the reading page: a phase that cannot be read (now), with the way back to My studies. */
    private void showClosed(String id, String title, String text, long participationId) {
        clearPage();
        add(new PhaseClosedPanel(id, title, text, participationId));
    }

    private void clearPage() {
        removeAll();
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();
    }

    /** The phase is complete (a bookmark, browser Back, a second tab): say so, never show a dead quiz. */
    private void showFinished() {
        showClosed("phase-finished", getTranslation("reading.finished.title"),
                getTranslation("reading.finished.text", session.answered(), session.total()),
                session.participationId());
    }

    private void build() {
        clearPage();

        H3 title = new H3(session.studyName() + (session.phase() == Phase.AIDED
                ? " · " + getTranslation("reading.aided.badge") : ""));
        title.addClassName("reading-title");
        progress.setId("reading-progress");
        progressText.setId("reading-progress-text");
        progressText.addClassName("reading-progress-text");
        Div header = new Div(title, progressText, progress);
        header.addClassName("reading-header");

        Div imageColumn = new Div(viewer, clinical);
        imageColumn.addClassName("reading-image-column");
        clinical.addClassName("clinical-fields");
        clinical.setId("clinical-fields");

        choices = new AnswerChoices(this, getLocale(), session.options(), session.confidence(), shortcuts,
                () -> current != null, () -> {
                    missing.setText("");
                    updateSave();
                });

        save.setText(getTranslation("reading.save"));
        save.setId("save-answer");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> submit());
        save.getElement().setAttribute("aria-keyshortcuts", "Enter");
        shortcuts.add(Shortcuts.addShortcutListener(this, this::enter, Key.ENTER));

        back.setText(getTranslation("reading.back"));
        back.setId("previous-case");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(click -> previous());
        back.setVisible(session.allowBack());
        Div actions = new Div(save, back);
        actions.addClassName("reading-actions");

        missing.setId("missing-hint");
        missing.addClassName("missing-hint");
        missing.getElement().setAttribute("role", "status");
        missing.getElement().setAttribute("aria-live", "assertive");
        missing.setText("");

        revisingNote.setText(getTranslation("reading.revising"));
        revisingNote.addClassName("revising-note");
        revisingNote.setVisible(false);

        Paragraph keys = new Paragraph(getTranslation(session.confidence() ? "reading.keys.confidence"
                : "reading.keys"));
        keys.addClassName("keyboard-hint");
        keys.setId("keyboard-hint");
        Div answerColumn = new Div(choices.answers(), choices.confidenceRow(), missing, revisingNote, actions, keys);
        answerColumn.addClassName("reading-answer-column");
        answerColumn.setId("answer-panel");

        body.removeAll();
        body.addClassName("reading-body");
        body.setVisible(true);
        if (session.phase() == Phase.AIDED) {
            body.addClassName("aided");
            long participationId = session.participationId();
            advicePanel = new AiAdvicePanel(this::optionName,
                    folded -> body.getElement().getClassList().set("ai-folded", folded),
                    caseId -> reading.similarCaseImage(participationId, caseId));
            body.add(imageColumn, advicePanel, answerColumn);
        } else {
            advicePanel = null;
            body.add(imageColumn, answerColumn);
        }
        pause.setVisible(false);
        add(header, body, pause);
    }

    private boolean atBatchBreak(int answered) {
        return session.batchSize() > 0 && answered > 0 && answered < session.total()
                && answered % session.batchSize() == 0;
    }

    /** A pause between batches in place of the case: no image is requested behind it. */
    private void showPause(int answered) {
        paused = true;
        current = null;
        viewer.clear();
        body.setVisible(false);
        pause.show(answered / session.batchSize(), (int) Math.ceil((double) session.total() / session.batchSize()));
        progressText.setText(getTranslation("reading.progress.answered", answered, session.total()));
    }

    private void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        pause.setVisible(false);
        body.setVisible(true);
        showNext();
    }

    private void showNext() {
        try {
            display(reading.next(session.participationId(), session.phase()));
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void display(Optional<CaseToRead> next) {
        if (next.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ReadingDoneView.class,
                    new RouteParameters("participation", String.valueOf(session.participationId()))));
            return;
        }
        revising = false;
        show(next.get());
    }

    private void show(CaseToRead shown) {
        getUI().ifPresent(StaleMessages::close);
        current = shown;
        missing.setText("");
        long participationId = session.participationId();
        long caseId = shown.caseId();
        viewer.show(caseId, () -> picture(participationId, caseId),
                getTranslation("reading.image.alt", shown.index() + 1));
        shown.upcomingCaseId().ifPresent(upcoming -> viewer.prefetch(upcoming,
                () -> picture(participationId, upcoming)));
        progress.setMax(Math.max(1, shown.total()));
        progress.setValue(shown.index());
        progressText.setText(getTranslation("reading.progress", shown.index() + 1, shown.total()));
        showClinical(shown);
        if (advicePanel != null) {
            advicePanel.show(shown.advice());
        }
        back.setEnabled(shown.index() > 0);
        revisingNote.setVisible(revising);
        choices.reset(shown.earlier().map(a -> a.diagnosis()).orElse(null),
                shown.earlier().map(a -> a.confidence()).orElse(null));
        updateSave();
        // The next case starts at its top, wherever the reader had scrolled to.
        // The scrolling box may sit in the layout's shadow DOM: walk up the composed tree.
        getElement().executeJs("window.scrollTo(0, 0); for (let e = this; e; e = e.assignedSlot || e.parentElement"
                + " || (e.getRootNode && e.getRootNode().host) || null) { if (e.scrollTop) e.scrollTop = 0; }");
    }

    private ImageViewer.Picture picture(long participationId, long caseId) {
        var image = reading.image(participationId, caseId);
        return new ImageViewer.Picture(image.bytes(), image.mediaType());
    }

    private void showClinical(CaseToRead shown) {
        clinical.removeAll();
        List<String> parts = new ArrayList<>();
        if (shown.age() != null) {
            parts.add(getTranslation("reading.clinical.age", shown.age()));
        }
        if (shown.sex() != null) {
            parts.add(getTranslation("reading.clinical.sex." + shown.sex()));
        }
        if (shown.bodySite() != null && !shown.bodySite().isBlank()) {
            parts.add(getTranslation("reading.clinical.site", BodySites.label(shown.bodySite())));
        }
        clinical.setVisible(!parts.isEmpty());
        clinical.setText(String.join(" · ", parts));
    }

    private String optionName(String code) {
        return session.options().stream().filter(o -> o.code().equals(code)).findFirst()
                .map(o -> o.name(getLocale())).orElse(code);
    }

    private void updateSave() {
        save.getElement().setAttribute("aria-disabled", String.valueOf(!choices.complete()));
        save.getElement().getClassList().set("incomplete", !choices.complete());
    }

    private void enter() {
        if (paused) {
            resume();
        } else {
            submit();
        }
    }

    private void submit() {
        if (current == null) {
            return;
        }
        if (!choices.complete()) {
            missing.setText(getTranslation(choices.missingKey()));
            return;
        }
        String chosen = choices.chosen();
        Integer confidence = choices.confidence();
        try {
            long participationId = session.participationId();
            if (revising) {
                SaveOutcome outcome = reading.revise(participationId, session.phase(), current.caseId(), chosen,
                        confidence);
                if (outcome == SaveOutcome.REVISED) {
                    Notifications.success(getTranslation("reading.revised"));
                }
                showNext();
                return;
            }
            int answered = current.index() + 1;
            if (atBatchBreak(answered)) {
                reading.answer(participationId, session.phase(), current.caseId(), chosen, confidence);
                showPause(answered);
                return;
            }
            SavedAnswer saved = reading.answerAndNext(participationId, session.phase(), current.caseId(), chosen,
                    confidence);
            display(saved.next());
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void previous() {
        if (current == null || current.index() == 0) {
            return;
        }
        try {
            revising = true;
            show(reading.caseAt(session.participationId(), session.phase(), current.index() - 1));
        } catch (UserFacingException e) {
            revising = false;
            Notifications.error(e);
        }
    }

    /** Enter pressed on one of the page's buttons (see {@link AnswerKeys#ENTER_ON_BUTTONS}). */
    @ClientCallable
    void enterPressed() {
        enter();
    }

    /** Focus mode (see {@link FocusMode}) and Enter on the page's buttons (see {@link AnswerKeys}). */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs(AnswerKeys.ENTER_ON_BUTTONS);
        focusMode.enter(this);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        focusMode.leave(this);
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("reader.title") : session.studyName();
    }
}
