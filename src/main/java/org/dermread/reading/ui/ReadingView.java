package org.dermread.reading.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.dermread.shell.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case at a time: the image as large as the screen allows, the study's label set as answer buttons
 * (keys 1-9 and 0 choose, Enter saves), the confidence scale when the study asks for it, and progress. The page
 * holds no ground truth and no case identifiers: the server keeps the current case.
 */
@Route("reading/:participation(\\d+)/:phase(unaided|aided)")
@RolesAllowed(Role.Names.READER)
public class ReadingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final Key[] DIGITS = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5,
        Key.DIGIT_6, Key.DIGIT_7, Key.DIGIT_8, Key.DIGIT_9, Key.DIGIT_0};
    private static final Key[] NUMPAD = {Key.NUMPAD_1, Key.NUMPAD_2, Key.NUMPAD_3, Key.NUMPAD_4, Key.NUMPAD_5,
        Key.NUMPAD_6, Key.NUMPAD_7, Key.NUMPAD_8, Key.NUMPAD_9, Key.NUMPAD_0};

    private final ReadingService reading;
    private final ImageViewer viewer = new ImageViewer();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Div clinical = new Div();
    private final Div answers = new Div();
    private final Div confidenceRow = new Div();
    private final Div advicePanel = new Div();
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

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long participationId = Long.parseLong(event.getRouteParameters().get("participation").orElseThrow());
        Phase phase = Phase.valueOf(event.getRouteParameters().get("phase").orElseThrow().toUpperCase());
        try {
            session = reading.open(participationId, phase);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (UserFacingException e) {
            Notifications.error(e);
            event.forwardTo(ReaderHomeView.class);
            return;
        }
        build();
        showNext();
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
        Div header = new Div(title, progressText, progress);
        header.addClassName("reading-header");

        Div imageColumn = new Div(viewer, clinical);
        imageColumn.addClassName("reading-image-column");
        clinical.addClassName("clinical-fields");
        clinical.setId("clinical-fields");

        answers.removeAll();
        answers.addClassName("answer-options");
        answers.setId("answer-options");
        optionButtons.clear();
        List<AnswerOption> options = session.options();
        for (int i = 0; i < options.size(); i++) {
            AnswerOption option = options.get(i);
            String key = i < DIGITS.length ? (i == 9 ? "0" : String.valueOf(i + 1)) : "";
            Button button = new Button(key + "  " + option.code() + " · " + option.name(getLocale()));
            button.addClassName("answer-option");
            button.setId("option-" + option.code());
            button.setWidthFull();
            button.addClickListener(click -> choose(option.code()));
            optionButtons.add(button);
            answers.add(button);
            if (i < DIGITS.length) {
                int index = i;
                shortcuts.add(Shortcuts.addShortcutListener(this, () -> digit(index), DIGITS[i]));
                shortcuts.add(Shortcuts.addShortcutListener(this, () -> digit(index), NUMPAD[i]));
            }
        }

        confidenceRow.removeAll();
        confidenceRow.addClassName("confidence-row");
        confidenceRow.setId("confidence-row");
        confidenceButtons.clear();
        if (session.confidence()) {
            confidenceRow.add(new Span(getTranslation("reading.confidence")));
            for (int level = 1; level <= 5; level++) {
                int value = level;
                Button button = new Button(String.valueOf(level), click -> chooseConfidence(value));
                button.setId("confidence-" + level);
                button.setTooltipText(getTranslation("reading.confidence." + level));
                confidenceButtons.add(button);
                confidenceRow.add(button);
            }
            confidenceRow.add(new Span(getTranslation("reading.confidence.hint")));
        }

        save.setText(getTranslation("reading.save"));
        save.setId("save-answer");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setWidthFull();
        save.addClickListener(click -> submit());
        shortcuts.add(Shortcuts.addShortcutListener(this, this::submit, Key.ENTER));

        back.setText(getTranslation("reading.back"));
        back.setId("previous-case");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(click -> previous());
        back.setVisible(session.allowBack());

        revisingNote.setText(getTranslation("reading.revising"));
        revisingNote.addClassName("revising-note");
        revisingNote.setVisible(false);

        Paragraph keys = new Paragraph(getTranslation(session.confidence() ? "reading.keys.confidence"
                : "reading.keys"));
        keys.addClassName("keyboard-hint");
        advicePanel.addClassName("ai-advice");
        advicePanel.setId("ai-advice");
        Div answerColumn = new Div(advicePanel, answers, confidenceRow, revisingNote, save, back, keys);
        answerColumn.addClassName("reading-answer-column");

        Div body = new Div(imageColumn, answerColumn);
        body.addClassName("reading-body");
        add(header, body);
    }

    private void showNext() {
        Optional<CaseToRead> next = reading.next(session.participationId(), session.phase());
        if (next.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ReadingDoneView.class,
                    new RouteParameters("participation", String.valueOf(session.participationId()))));
            return;
        }
        revising = false;
        show(next.get());
        int answered = next.get().index();
        if (session.batchSize() > 0 && answered > 0 && answered % session.batchSize() == 0 && !batchBreakShown) {
            batchBreakShown = true;
            showBatchBreak(answered / session.batchSize(),
                    (int) Math.ceil((double) session.total() / session.batchSize()));
        }
    }

    private boolean batchBreakShown;

    private void showBatchBreak(int done, int batches) {
        Dialog pause = new Dialog(
                getTranslation("reading.batch.title", done, batches));
        pause.add(new Paragraph(getTranslation("reading.batch.text")));
        Button resume = new Button(getTranslation("reading.batch.continue"), click -> pause.close());
        resume.setId("continue-batch");
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.getFooter().add(resume);
        pause.open();
    }

    private void show(CaseToRead shown) {
        current = shown;
        chosen = shown.earlier().map(a -> a.diagnosis()).orElse(null);
        confidence = shown.earlier().map(a -> a.confidence()).orElse(null);
        long participationId = session.participationId();
        long caseId = shown.caseId();
        viewer.show(() -> {
            var image = reading.image(participationId, caseId);
            return new ImageViewer.Picture(image.bytes(), image.mediaType());
        }, getTranslation("reading.image.alt", shown.index() + 1));
        progress.setMax(Math.max(1, shown.total()));
        progress.setValue(shown.index());
        progressText.setText(getTranslation("reading.progress", shown.index() + 1, shown.total()));
        showClinical(shown);
        showAdvice(shown.advice());
        back.setEnabled(shown.index() > 0);
        revisingNote.setVisible(revising);
        refreshSelection();
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
            parts.add(getTranslation("reading.clinical.site", shown.bodySite()));
        }
        clinical.setVisible(!parts.isEmpty());
        clinical.setText(String.join(" · ", parts));
    }

    private void showAdvice(Optional<AiAdvice> advice) {
        advicePanel.removeAll();
        advicePanel.setVisible(advice.isPresent());
        advice.ifPresent(ai -> {
            advicePanel.add(new Span(getTranslation("reading.aided.title")));
            List<Integer> ranked = IntStream.range(0, ai.codes().size()).boxed()
                    .sorted(Comparator.comparing((Integer i) -> ai.probabilities().get(i)).reversed()).toList();
            for (int rank = 0; rank < ranked.size(); rank++) {
                int i = ranked.get(rank);
                String code = ai.codes().get(i);
                double p = ai.probabilities().get(i);
                String name = session.options().stream().filter(o -> o.code().equals(code)).findFirst()
                        .map(o -> o.name(getLocale())).orElse(code);
                Div bar = new Div();
                bar.addClassName("ai-bar");
                bar.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", 100 * p));
                Div row = new Div(new Span(code + " · " + name), new Span(String.format("%.1f%%", 100 * p)), bar);
                row.addClassName("ai-row");
                if (rank < 3) {
                    row.addClassName("ai-top");
                }
                advicePanel.add(row);
            }
            if (ai.saliencyPng() != null && ai.saliencyPng().length > 0) {
                byte[] png = ai.saliencyPng();
                Image saliency = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(png), "saliency.png", "image/png", png.length)),
                        getTranslation("reading.aided.saliency"));
                saliency.addClassName("ai-saliency");
                advicePanel.add(new Span(getTranslation("reading.aided.saliency")), saliency);
            }
        });
    }

    private void digit(int index) {
        if (session.confidence() && chosen != null && index < 5) {
            chooseConfidence(index + 1);
        } else if (index < session.options().size()) {
            choose(session.options().get(index).code());
        }
    }

    private void choose(String code) {
        chosen = code;
        if (session.confidence()) {
            confidence = null;
        }
        refreshSelection();
    }

    private void chooseConfidence(int value) {
        if (chosen != null) {
            confidence = value;
            refreshSelection();
        }
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
            if (confidence != null && confidence == i + 1) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.setEnabled(chosen != null);
        }
        save.setEnabled(chosen != null && (!session.confidence() || confidence != null));
    }

    private void submit() {
        if (current == null || chosen == null || (session.confidence() && confidence == null)) {
            return;
        }
        try {
            SaveOutcome outcome = revising
                    ? reading.revise(session.participationId(), session.phase(), current.caseId(), chosen, confidence)
                    : reading.answer(session.participationId(), session.phase(), current.caseId(), chosen,
                            confidence);
            if (outcome == SaveOutcome.REVISED) {
                Notifications.success(getTranslation("reading.revised"));
            }
            batchBreakShown = false;
            showNext();
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

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("reader.title") : session.studyName();
    }
}
