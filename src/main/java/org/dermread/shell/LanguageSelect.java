package org.dermread.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * English / 中文 switch. The choice applies to the whole session and, for a signed-in user, is remembered on the
 * account; the page reloads so every string is redrawn in the new language.
 */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect(Consumer<Locale> remember) {
        setItems(Translations.LOCALES);
        setItemLabelGenerator(locale -> locale.equals(Translations.CHINESE) ? "中文" : "English");
        setValue(Translations.supported(UI.getCurrent().getLocale()));
        setAriaLabel("Language / 语言");
        setId("language");
        addClassName("language-select");
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                remember.accept(event.getValue());
                VaadinSession.getCurrent().setLocale(event.getValue());
                UI.getCurrent().setLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }

    /** Applies a signed-in user's remembered language to this session. */
    static void applyPreferred(Locale preferred) {
        Locale supported = Translations.supported(preferred);
        if (!supported.equals(UI.getCurrent().getLocale())) {
            VaadinSession.getCurrent().setLocale(supported);
            UI.getCurrent().setLocale(supported);
        }
    }
}
