package org.dermread.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * English / 中文 switch. The choice applies to the whole session and is remembered on the account: at once for a
 * signed-in user, at sign-in for one made on the sign-in page; the page reloads so every string is redrawn in the new
 * language.
 */
public class LanguageSelect extends Select<Locale> {

    /** Session attribute: the language chosen in this session by the person (on any page, sign-in included). */
    static final String CHOSEN = LanguageSelect.class.getName() + ".chosen";

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
                VaadinSession.getCurrent().setAttribute(CHOSEN, event.getValue());
                VaadinSession.getCurrent().setLocale(event.getValue());
                UI.getCurrent().setLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }

    /**
     * After sign-in: a language chosen on the sign-in page (before the person was known) is remembered on their
     * account and used; otherwise the account's remembered language, if any, applies to this session.
     */
    static void applyAfterSignIn(SignedInUser me, Consumer<Locale> remember) {
        VaadinSession session = VaadinSession.getCurrent();
        Object chosen = session.getAttribute(CHOSEN);
        if (chosen instanceof Locale locale) {
            session.setAttribute(CHOSEN, null);
            if (!me.preferredLocale().map(Translations::supported).equals(Optional.of(locale))) {
                remember.accept(locale);
            }
            apply(locale);
        } else {
            me.preferredLocale().ifPresent(LanguageSelect::apply);
        }
    }

    private static void apply(Locale preferred) {
        Locale supported = Translations.supported(preferred);
        if (!supported.equals(UI.getCurrent().getLocale())) {
            VaadinSession.getCurrent().setLocale(supported);
            UI.getCurrent().setLocale(supported);
        }
    }

    /** The value of {@code <html lang>} for a locale (BCP 47). */
    static String htmlLang(Locale locale) {
        return Translations.supported(locale).equals(Translations.CHINESE) ? "zh-CN" : "en";
    }
}
