package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The pause between batches, shown in place of the case (no image is requested behind it) until Continue. */
class BatchPause extends Div {

    private final Runnable resume;

    BatchPause(Runnable resume) {
        this.resume = resume;
        setId("batch-pause");
        addClassName("batch-pause");
        setVisible(false);
    }

    /** After batch {@code done} of {@code batches}. */
    void show(int done, int batches) {
        removeAll();
        Button proceed = new Button(getTranslation("reading.batch.continue"), click -> resume.run());
        proceed.setId("continue-batch");
        proceed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("reading.batch.title", done, batches)),
                new Paragraph(getTranslation("reading.batch.text")), proceed);
        setVisible(true);
    }
}
