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
import org.dermread.reading.ImageToRead;

/**
 * The AI's panel of the AI-assisted phase, showing the forms of help of the reader's arm (in a study without arms,
 * the probabilities and the saliency map): the AI's probabilities over the study's label set as ranked bars (its
 * top three highlighted), or its diagnosis alone; its probability of malignancy; the most similar verified library
 * cases as thumbnails with their diagnoses; its saliency map. It can be folded to a narrow strip; the choice is
 * remembered for the session, so the next case opens the same way.
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
    private final Function<Long, ImageToRead> similarImages;

    /**
     * @param names the display name of a label code in the page's language
     * @param onFold told {@code true} when the panel is folded away, {@code false} when it opens (the page widens
     *               the other columns)
     * @param similarImages the image of a similar case (through the service's checks)
     */
    AiAdvicePanel(Function<String, String> names, Consumer<Boolean> onFold,
            Function<Long, ImageToRead> similarImages) {
        this.names = names;
        this.onFold = onFold;
        this.similarImages = similarImages;
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
            if (!ai.codes().isEmpty()) {
                content.add(title("reading.aided.title"), rows(ai));
            }
            if (ai.top1() != null) {
                content.add(top1(ai.top1()));
            }
            if (ai.malignancy() != null) {
                content.add(malignancy(ai.malignancy()));
            }
            if (!ai.similarCases().isEmpty()) {
                content.add(similar(ai.similarCases()));
            }
            if (ai.saliencyPng() != null && ai.saliencyPng().length > 0) {
                content.add(saliency(ai.saliencyPng()));
            }
        });
    }

    private Span title(String key) {
        Span heading = new Span(getTranslation(key));
        heading.addClassName("ai-title");
        return heading;
    }

    /** The AI's diagnosis alone, without how sure it is. */
    private Div top1(String code) {
        Span value = new Span(code + " · " + names.apply(code));
        value.addClassName("ai-top1-value");
        value.getElement().setAttribute("data-code", code);
        Div section = new Div(title("reading.aided.top1"), value);
        section.addClassName("ai-section");
        section.setId("ai-top1");
        return section;
    }

    /** The AI's probability of the malignant group, as a number and a bar. */
    private Div malignancy(double p) {
        Span value = new Span(percent(p));
        value.addClassName("ai-value");
        value.setId("ai-malignancy-value");
        Div bar = new Div();
        bar.addClassName("ai-bar");
        bar.addClassName("ai-malignancy-bar");
        bar.getStyle().set("width", percent(p));
        Div row = new Div(new Span(getTranslation("reading.aided.malignancy.label")), value, bar);
        row.addClassName("ai-row");
        Div section = new Div(title("reading.aided.malignancy"), row);
        section.addClassName("ai-section");
        section.setId("ai-malignancy");
        return section;
    }

    /** The nearest verified library cases, as thumbnails with their diagnoses (never cases of this study). */
    private Div similar(List<AiAdvice.SimilarCase> cases) {
        Div grid = new Div();
        grid.addClassName("ai-similar-grid");
        for (int i = 0; i < cases.size(); i++) {
            AiAdvice.SimilarCase similar = cases.get(i);
            long caseId = similar.caseId();
            int n = i + 1;
            String alt = getTranslation("reading.aided.similar.alt", n, names.apply(similar.diagnosis()));
            Image thumbnail = new Image(DownloadHandler.fromInputStream(event -> {
                ImageToRead image = similarImages.apply(caseId);
                return new DownloadResponse(new ByteArrayInputStream(image.bytes()), "similar-" + n + ".img",
                        image.mediaType(), image.bytes().length);
            }), alt);
            thumbnail.addClassName("ai-similar-image");
            Span caption = new Span(similar.diagnosis() + " · " + names.apply(similar.diagnosis()));
            caption.addClassName("ai-similar-caption");
            caption.setTitle(names.apply(similar.diagnosis()));
            Div figure = new Div(thumbnail, caption);
            figure.addClassName("ai-similar-case");
            figure.getElement().setAttribute("data-code", similar.diagnosis());
            grid.add(figure);
        }
        Span note = new Span(getTranslation("reading.aided.similar.note"));
        note.addClassName("ai-saliency-caption");
        Div section = new Div(title("reading.aided.similar"), grid, note);
        section.addClassName("ai-section");
        section.setId("ai-similar");
        return section;
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
