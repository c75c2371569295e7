package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dermread.reading.AiAdvice;

/**
 * The AI's panel of the AI-assisted phase: the AI's probabilities over the study's label set as ranked bars (its
 * top three highlighted) and its saliency map where the study shows one. It can be folded to a narrow strip; the
 * choice is remembered for the session, so the next case opens the same way.
 */
class AiAdvicePanel extends Div {

    /** Probabilities below this are not highlighted among the AI's top 3: they are not advice worth a glance. */
    static final double NEGLIGIBLE_PROBABILITY = 0.05;

    /** Session attribute remembering whether the reader folded the AI's panel away. */
    static final String AI_PANEL_OPEN = "dermread.reading.ai-panel-open";

    private final Div content = new Div();
    private final Button toggle = new Button();
    private final Function<String, String> names;
    private final Consumer<Boolean> onFold;

    /**
     * @param names the display name of a label code in the page's language
     * @param onFold told {@code true} when the panel is folded away, {@code false} when it opens (the page widens
     *               the other columns)
     */
    AiAdvicePanel(Function<String, String> names, Consumer<Boolean> onFold) {
        this.names = names;
        this.onFold = onFold;
        addClassName("ai-advice");
        setId("ai-advice");
        toggle.setId("ai-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(click -> setOpen(!isOpen()));
        content.addClassName("ai-advice-content");
        content.setId("ai-advice-content");
        add(toggle, content);
        setOpen(isOpen());
    }

    private static boolean isOpen() {
        Object open = VaadinSession.getCurrent().getAttribute(AI_PANEL_OPEN);
        return !Boolean.FALSE.equals(open);
    }

    private void setOpen(boolean open) {
        VaadinSession.getCurrent().setAttribute(AI_PANEL_OPEN, open);
        getElement().getClassList().set("folded", !open);
        onFold.accept(!open);
        content.setVisible(open);
        // Folded, the panel is a narrow strip: the button says "AI" and its accessible name says what it does.
        toggle.setText(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold-short"));
        toggle.setIcon((open ? VaadinIcon.ANGLE_DOUBLE_RIGHT : VaadinIcon.ANGLE_DOUBLE_LEFT).create());
        toggle.setAriaLabel(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold"));
        toggle.setTooltipText(getTranslation(open ? "reading.aided.fold" : "reading.aided.unfold"));
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.getElement().setAttribute("aria-controls", "ai-advice-content");
    }

    /** Shows the AI's output for the case on screen, or hides the panel when there is none. */
    void show(Optional<AiAdvice> advice) {
        content.removeAll();
        setVisible(advice.isPresent());
        advice.ifPresent(ai -> {
            Span heading = new Span(getTranslation("reading.aided.title"));
            heading.addClassName("ai-title");
            content.add(heading, rows(ai));
            if (ai.saliencyPng() != null && ai.saliencyPng().length > 0) {
                content.add(saliency(ai.saliencyPng()));
            }
        });
    }

    private Div rows(AiAdvice ai) {
        List<Integer> ranked = IntStream.range(0, ai.codes().size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> ai.probabilities().get(i)).reversed()).toList();
        Div rows = new Div();
        rows.addClassName("ai-rows");
        for (int rank = 0; rank < ranked.size(); rank++) {
            int i = ranked.get(rank);
            String code = ai.codes().get(i);
            double p = ai.probabilities().get(i);
            String name = names.apply(code);
            Div bar = new Div();
            bar.addClassName("ai-bar");
            bar.getStyle().set("width", percent(p));
            // On narrow screens only the code shows (the answer buttons spell it out); the name stays for screen
            // readers and as the tooltip.
            Span fullName = new Span(" · " + name);
            fullName.addClassName("ai-name");
            Span label = new Span(new Span(code), fullName);
            label.addClassName("ai-label");
            label.setTitle(code + " · " + name);
            Span value = new Span(percent(p));
            value.addClassName("ai-value");
            Div row = new Div(label, value, bar);
            row.addClassName("ai-row");
            row.getElement().setAttribute("data-code", code);
            if (rank < 3 && p >= NEGLIGIBLE_PROBABILITY) {
                row.addClassName("ai-top");
            }
            rows.add(row);
        }
        return rows;
    }

    private Div saliency(byte[] png) {
        Image saliency = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), "saliency.png", "image/png", png.length)),
                getTranslation("reading.aided.saliency"));
        saliency.addClassName("ai-saliency");
        saliency.setId("ai-saliency");
        Span caption = new Span(getTranslation("reading.aided.saliency"));
        caption.addClassName("ai-saliency-caption");
        Div figure = new Div(saliency, caption);
        figure.addClassName("ai-saliency-figure");
        return figure;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
