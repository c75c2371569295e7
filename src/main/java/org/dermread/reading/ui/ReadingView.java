package org.dermread.reading.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.reading.AiAdvice;
import org.dermread.reading.AnswerOption;
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

    /** Probabilities below this are not highlighted among the AI's top 3: they are not advice worth a glance. */
    static final double NEGLIGIBLE_PROBABILITY = 0.05;

    /** Session attribute remembering whether the reader folded the AI's panel away. */
    static final String AI_PANEL_OPEN = "dermread.reading.ai-panel-open";

    private final ReadingService reading;
    private final ImageViewer viewer = new ImageViewer();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div clinical = new Div();
    private final Div answers = new Div();
    private final Div confidenceRow = new Div();
    private final Div advicePanel = new Div();
    private final Div adviceContent = new Div();
    private final Button adviceToggle = new Button();
    private final Div body = new Div();
    private final Div pause = new Div();
    private final Paragraph missing = new Paragraph();
    private final Paragraph revisingNote = new Paragraph();
    private final Button save = new Button();
    private final Button back = new Button();
    private final List<Button> optionButtons = new ArrayList<>();
    private final List<Button> confidenceButtons = new ArrayList<>();
    private final List<ShortcutRegistration> shortcuts = new ArrayList<>();

    private ReadingSession session;
    private CaseToRead current;
    private String chosen;
    private Integer confidence;
    private boolean revising;
    private boolean paused;
    private Boolean drawerWasOpen;

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
        removeAll();
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();
        Div panel = new Div();
        panel.setId(id);
        panel.addClassName("reading-closed");
        H2 heading = new H2(title);
        Paragraph explanation = new Paragraph(text);
        explanation.setId(id + "-text");
        RouterLink home = new RouterLink(getTranslation("reading.closed.my-studies"), ReaderHomeView.class);
        home.setId("to-my-studies");
        RouterLink done = new RouterLink(getTranslation("reading.closed.overview"), ReadingDoneView.class,
                new RouteParameters("participation", String.valueOf(participationId)));
        done.setId("to-overview");
        Div links = new Div(home, done);
        links.addClassName("reading-closed-links");
        panel.add(heading, explanation, links);
        add(panel);
    }

    /** The phase is complete (a bookmark, browser Back, a second tab): say so, never show a dead quiz. */
    private void showFinished() {
        showClosed("phase-finished", getTranslation("reading.finished.title"),
                getTranslation("reading.finished.text", session.answered(), session.total()),
                session.participationId());
    }

    private void build() {
        removeAll();
        shortcuts.forEach(ShortcutRegistration::remove);
        shortcuts.clear();

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

        buildAnswers();
        buildConfidence();

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
        Div answerColumn = new Div(answers, confidenceRow, missing, revisingNote, actions, keys);
        answerColumn.addClassName("reading-answer-column");
        answerColumn.setId("answer-panel");

        body.removeAll();
        body.addClassName("reading-body");
        body.setVisible(true);
        if (session.phase() == Phase.AIDED) {
            body.addClassName("aided");
            buildAdvicePanel();
            body.add(imageColumn, advicePanel, answerColumn);
        } else {
            body.add(imageColumn, answerColumn);
        }
        pause.setVisible(false);
        add(header, body, pause);
    }

    private void buildAnswers() {
        answers.removeAll();
        answers.addClassName("answer-options");
        answers.setId("answer-options");
        List<AnswerOption> options = session.options();
        if (options.size() > 7) {
            answers.addClassName("two-columns");
        }
        optionButtons.clear();
        Map<String, Character> letters = AnswerKeys.letters(options.stream().map(AnswerOption::code).toList());
        for (AnswerOption option : options) {
            Character letter = letters.get(option.code());
            Button button = new Button();
            Span key = new Span(letter == null ? "" : String.valueOf(letter));
            key.addClassName("answer-key");
            Span code = new Span(option.code());
            code.addClassName("answer-code");
            Span name = new Span(option.name(getLocale()));
            name.addClassName("answer-name");
            button.getElement().appendChild(key.getElement(), code.getElement(), name.getElement());
            button.addClassName("answer-option");
            button.setId("option-" + option.code());
            button.getElement().setAttribute("title", option.code() + " · " + option.name(getLocale()));
            button.addClickListener(click -> choose(option.code()));
            optionButtons.add(button);
            answers.add(button);
            if (letter != null) {
                button.getElement().setAttribute("aria-keyshortcuts", String.valueOf(letter));
                shortcuts.add(Shortcuts.addShortcutListener(this, () -> choose(option.code()),
                        AnswerKeys.key(letter)));
            }
        }
    }

    private void buildConfidence() {
        confidenceRow.removeAll();
        confidenceRow.addClassName("confidence-row");
        confidenceRow.setId("confidence-row");
        confidenceButtons.clear();
        confidenceRow.setVisible(session.confidence());
        if (!session.confidence()) {
            return;
        }
        Span label = new Span(getTranslation("reading.confidence"));
        label.addClassName("confidence-label");
        confidenceRow.add(label);
        for (int level = 1; level <= 5; level++) {
            int value = level;
            Button button = new Button(String.valueOf(level), click -> chooseConfidence(value));
            button.setId("confidence-" + level);
            button.addClassName("confidence-option");
            button.setTooltipText(getTranslation("reading.confidence." + level));
            button.setAriaLabel(level + " · " + getTranslation("reading.confidence." + level));
            button.getElement().setAttribute("aria-keyshortcuts", String.valueOf(level));
            confidenceButtons.add(button);
            confidenceRow.add(button);
            for (Key key : AnswerKeys.CONFIDENCE[level - 1]) {
                shortcuts.add(Shortcuts.addShortcutListener(this, () -> chooseConfidence(value), key));
            }
        }
        Span hint = new Span(getTranslation("reading.confidence.hint"));
        hint.addClassName("confidence-hint");
        confidenceRow.add(hint);
    }

    private void buildAdvicePanel() {
        advicePanel.removeAll();
        advicePanel.addClassName("ai-advice");
        advicePanel.setId("ai-advice");
        adviceToggle.setId("ai-toggle");
        adviceToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        adviceToggle.addClickListener(click -> setAdviceOpen(!adviceOpen()));
        adviceContent.addClassName("ai-advice-content");
        adviceContent.setId("ai-advice-content");
        advicePanel.add(adviceToggle, adviceContent);
        setAdviceOpen(adviceOpen());
    }

    private boolean adviceOpen() {
        Object open = VaadinSession.getCurrent().getAttribute(AI_PANEL_OPEN);
        return !Boolean.FALSE.equals(open);
    }

    private void setAdviceOpen(boolean open) {
        VaadinSession.getCurrent().setAttribute(AI_PANEL_OPEN, open);
        advicePanel.getElement().getClassList().set("folded", !open);
        body.getElement().getClassList().set("ai-folded", !open);
        adviceContent.setVisible(open);
        // Folded, the panel is a narrow strip: the button says "AI" and its accessible name says what it does.
        adviceToggle.setText(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold-short"));
        adviceToggle.setIcon((open ? VaadinIcon.ANGLE_DOUBLE_RIGHT : VaadinIcon.ANGLE_DOUBLE_LEFT).create());
        adviceToggle.setAriaLabel(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold"));
        adviceToggle.setTooltipText(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold"));
        adviceToggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        adviceToggle.getElement().setAttribute("aria-controls", "ai-advice-content");
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
        pause.removeAll();
        pause.setId("batch-pause");
        pause.addClassName("batch-pause");
        int batches = (int) Math.ceil((double) session.total() / session.batchSize());
        H2 title = new H2(getTranslation("reading.batch.title", answered / session.batchSize(), batches));
        Button resume = new Button(getTranslation("reading.batch.continue"), click -> resume());
        resume.setId("continue-batch");
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.add(title, new Paragraph(getTranslation("reading.batch.text")), resume);
        pause.setVisible(true);
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
        chosen = shown.earlier().map(a -> a.diagnosis()).orElse(null);
        confidence = shown.earlier().map(a -> a.confidence()).orElse(null);
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
        showAdvice(shown.advice());
        back.setEnabled(shown.index() > 0);
        revisingNote.setVisible(revising);
        refreshSelection();
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

    private void showAdvice(Optional<AiAdvice> advice) {
        adviceContent.removeAll();
        advicePanel.setVisible(advice.isPresent());
        advice.ifPresent(ai -> {
            Span heading = new Span(getTranslation("reading.aided.title"));
            heading.addClassName("ai-title");
            adviceContent.add(heading);
            List<Integer> ranked = IntStream.range(0, ai.codes().size()).boxed()
                    .sorted(Comparator.comparing((Integer i) -> ai.probabilities().get(i)).reversed()).toList();
            Div rows = new Div();
            rows.addClassName("ai-rows");
            for (int rank = 0; rank < ranked.size(); rank++) {
                int i = ranked.get(rank);
                String code = ai.codes().get(i);
                double p = ai.probabilities().get(i);
                String name = session.options().stream().filter(o -> o.code().equals(code)).findFirst()
                        .map(o -> o.name(getLocale())).orElse(code);
                Div bar = new Div();
                bar.addClassName("ai-bar");
                bar.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", 100 * p));
                // On narrow screens only the code shows (the answer buttons spell it out); the name stays for
                // screen readers and as the tooltip.
                Span fullName = new Span(" · " + name);
                fullName.addClassName("ai-name");
                Span label = new Span(new Span(code), fullName);
                label.addClassName("ai-label");
                label.setTitle(code + " · " + name);
                Span value = new Span(String.format(Locale.ROOT, "%.1f%%", 100 * p));
                value.addClassName("ai-value");
                Div row = new Div(label, value, bar);
                row.addClassName("ai-row");
                row.getElement().setAttribute("data-code", code);
                if (rank < 3 && p >= NEGLIGIBLE_PROBABILITY) {
                    row.addClassName("ai-top");
                }
                rows.add(row);
            }
            adviceContent.add(rows);
            if (ai.saliencyPng() != null && ai.saliencyPng().length > 0) {
                byte[] png = ai.saliencyPng();
                Image saliency = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(png), "saliency.png", "image/png", png.length)),
                        getTranslation("reading.aided.saliency"));
                saliency.addClassName("ai-saliency");
                saliency.setId("ai-saliency");
                Span caption = new Span(getTranslation("reading.aided.saliency"));
                caption.addClassName("ai-saliency-caption");
                Div figure = new Div(saliency, caption);
                figure.addClassName("ai-saliency-figure");
                adviceContent.add(figure);
            }
        });
    }

    private void choose(String code) {
        if (current == null) {
            return;
        }
        chosen = code;
        missing.setText("");
        refreshSelection();
    }

    private void chooseConfidence(int value) {
        if (current == null || !session.confidence()) {
            return;
        }
        confidence = value;
        missing.setText("");
        refreshSelection();
    }

    private void refreshSelection() {
        for (int i = 0; i < optionButtons.size(); i++) {
            boolean selected = session.options().get(i).code().equals(chosen);
            Button button = optionButtons.get(i);
            if (selected) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        }
        for (int i = 0; i < confidenceButtons.size(); i++) {
            Button button = confidenceButtons.get(i);
            boolean selected = confidence != null && confidence == i + 1;
            if (selected) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        }
        save.getElement().setAttribute("aria-disabled", String.valueOf(!complete()));
        save.getElement().getClassList().set("incomplete", !complete());
    }

    private boolean complete() {
        return chosen != null && (!session.confidence() || confidence != null);
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
        if (!complete()) {
            String key = chosen == null && session.confidence() && confidence == null ? "reading.missing.both"
                    : chosen == null ? "reading.missing.diagnosis" : "reading.missing.confidence";
            missing.setText(getTranslation(key));
            return;
        }
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

    /**
     * Enter on a focused button of the page (the diagnosis just clicked, a zoom button, the AI panel's toggle) must
     * save, not press that button as well: such key presses are caught before the button sees them and handed to
     * {@link #enterPressed()}. Enter elsewhere reaches the page's Enter shortcut.
     */
    private static final String ENTER_ON_BUTTONS = """
            if (!this.__enter) {
              this.__enter = true;
              this.addEventListener('keydown', e => {
                if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
                const button = e.target.closest && e.target.closest('vaadin-button');
                if (!button || !this.contains(button)) return;
                e.preventDefault();
                e.stopPropagation();
                this.$server.enterPressed();
              }, true);
            }
            """;

    @ClientCallable
    void enterPressed() {
        enter();
    }

    /** Focus mode: the drawer closes while the reader reads and comes back as it was when they leave. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs(ENTER_ON_BUTTONS);
        appLayout().ifPresent(layout -> {
            drawerWasOpen = layout.isDrawerOpened();
            layout.setDrawerOpened(false);
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (Boolean.TRUE.equals(drawerWasOpen)) {
            appLayout().ifPresent(layout -> layout.setDrawerOpened(true));
        }
    }

    private Optional<AppLayout> appLayout() {
        Optional<Component> parent = getParent();
        while (parent.isPresent()) {
            if (parent.get() instanceof AppLayout layout) {
                return Optional.of(layout);
            }
            parent = parent.get().getParent();
        }
        return Optional.empty();
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("reader.title") : session.studyName();
    }
}
