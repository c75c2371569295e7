package org.dermread.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The look shared by the error pages: a title, an explanation, a way back. */
abstract class ErrorPage extends VerticalLayout {

    protected final H1 title = new H1();
    protected final Paragraph text = new Paragraph();

    ErrorPage() {
        addClassName("error-page");
        setAlignItems(FlexComponent.Alignment.CENTER);
        text.setId("error-text");
        add(title, text, new Anchor("", getTranslation("error.back")));
    }

    protected void show(String titleKey, String textKey, Object... args) {
        title.setText(getTranslation(titleKey));
        text.setText(getTranslation(textKey, args));
    }
}
