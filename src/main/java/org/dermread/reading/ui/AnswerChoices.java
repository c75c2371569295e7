package org.dermread.reading.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.dermread.reading.AnswerOption;

/**
 * What the reader chooses on the reading page: the study's label set as a grid of answer buttons, each with its
 * key ({@link AnswerKeys}), and, where the study asks for it, the confidence 1-5 on one line. Holds the choice for
 * the case on screen; the page decides when choosing is possible and what saving means.
 */
final class AnswerChoices {

    private final Div answers = new Div();
    private final Div confidenceRow = new Div();
    private final List<AnswerOption> options;
    private final boolean withConfidence;
    private final List<Button> optionButtons = new ArrayList<>();
    private final List<Button> confidenceButtons = new ArrayList<>();
    private final BooleanSupplier accepting;
    private final Runnable changed;

    private String chosen;
    private Integer confidence;

    /**
     * @param page        the page: translations, and the owner of the keyboard shortcuts
     * @param locale      the page's language, for the diagnoses' names
     * @param shortcuts   where the shortcuts are recorded, so the page can remove them when it rebuilds
     * @param accepting   whether a choice is taken now (a case is on screen)
     * @param changed     told after every change of the choice
     */
    AnswerChoices(Component page, Locale locale, List<AnswerOption> options, boolean withConfidence,
            List<ShortcutRegistration> shortcuts, BooleanSupplier accepting, Runnable changed) {
        this.options = List.copyOf(options);
        this.withConfidence = withConfidence;
        this.accepting = accepting;
        this.changed = changed;
        buildAnswers(page, locale, shortcuts);
        buildConfidence(page, shortcuts);
    }

    Div answers() {
        return answers;
    }

    Div confidenceRow() {
        return confidenceRow;
    }

    String chosen() {
        return chosen;
    }

    Integer confidence() {
        return confidence;
    }

    /** Both parts that the study asks for are chosen. */
    boolean complete() {
        return chosen != null && (!withConfidence || confidence != null);
    }

    /** The message key saying what is missing, for a choice that is not {@link #complete()}. */
    String missingKey() {
        return chosen == null && withConfidence && confidence == null ? "reading.missing.both"
                : chosen == null ? "reading.missing.diagnosis" : "reading.missing.confidence";
    }

    /** Starts a case with the given choice (an earlier answer when revising), or none. */
    void reset(String diagnosis, Integer level) {
        chosen = diagnosis;
        confidence = level;
        refresh();
    }

    private void choose(String code) {
        if (accepting.getAsBoolean()) {
            chosen = code;
            refresh();
            changed.run();
        }
    }

    private void chooseConfidence(int value) {
        if (accepting.getAsBoolean() && withConfidence) {
            confidence = value;
            refresh();
            changed.run();
        }
    }

    private void buildAnswers(Component page, Locale locale, List<ShortcutRegistration> shortcuts) {
        answers.addClassName("answer-options");
        answers.setId("answer-options");
        if (options.size() > 7) {
            answers.addClassName("two-columns");
        }
        Map<String, Character> letters = AnswerKeys.letters(options.stream().map(AnswerOption::code).toList());
        for (AnswerOption option : options) {
            Character letter = letters.get(option.code());
            Button button = new Button();
            Span key = new Span(letter == null ? "" : String.valueOf(letter));
            key.addClassName("answer-key");
            Span code = new Span(option.code());
            code.addClassName("answer-code");
            Span name = new Span(option.name(locale));
            name.addClassName("answer-name");
            button.getElement().appendChild(key.getElement(), code.getElement(), name.getElement());
            button.addClassName("answer-option");
            button.setId("option-" + option.code());
            button.getElement().setAttribute("title", option.code() + " · " + option.name(locale));
            button.addClickListener(click -> choose(option.code()));
            optionButtons.add(button);
            answers.add(button);
            if (letter != null) {
                button.getElement().setAttribute("aria-keyshortcuts", String.valueOf(letter));
                shortcuts.add(Shortcuts.addShortcutListener(page, () -> choose(option.code()),
                        AnswerKeys.key(letter)));
            }
        }
    }

    private void buildConfidence(Component page, List<ShortcutRegistration> shortcuts) {
        confidenceRow.addClassName("confidence-row");
        confidenceRow.setId("confidence-row");
        confidenceRow.setVisible(withConfidence);
        if (!withConfidence) {
            return;
        }
        Span label = new Span(page.getTranslation("reading.confidence"));
        label.addClassName("confidence-label");
        confidenceRow.add(label);
        for (int level = 1; level <= 5; level++) {
            int value = level;
            Button button = new Button(String.valueOf(level), click -> chooseConfidence(value));
            button.setId("confidence-" + level);
            button.addClassName("confidence-option");
            button.setTooltipText(page.getTranslation("reading.confidence." + level));
            button.setAriaLabel(level + " · " + page.getTranslation("reading.confidence." + level));
            button.getElement().setAttribute("aria-keyshortcuts", String.valueOf(level));
            confidenceButtons.add(button);
            confidenceRow.add(button);
            for (Key key : AnswerKeys.CONFIDENCE[level - 1]) {
                shortcuts.add(Shortcuts.addShortcutListener(page, () -> chooseConfidence(value), key));
            }
        }
        Span hint = new Span(page.getTranslation("reading.confidence.hint"));
        hint.addClassName("confidence-hint");
        confidenceRow.add(hint);
    }

    private void refresh() {
        for (int i = 0; i < optionButtons.size(); i++) {
            select(optionButtons.get(i), options.get(i).code().equals(chosen));
        }
        for (int i = 0; i < confidenceButtons.size(); i++) {
            select(confidenceButtons.get(i), confidence != null && confidence == i + 1);
        }
    }

    private static void select(Button button, boolean selected) {
        if (selected) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
    }
}
