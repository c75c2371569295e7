package org.dermread.shell;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user-facing string, in English and Simplified Chinese, from {@code vaadin-i18n/translations*.properties}.
 * A test keeps both files on the same keys.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);
    static final String BUNDLE = "vaadin-i18n/translations";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = bundle(locale);
        String value;
        try {
            value = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, locale);
            return "!" + key + "!";
        }
        return params.length == 0 ? value : new MessageFormat(value, bundle.getLocale()).format(params);
    }

    /** The locale DermRead supports that is closest to the one given (Chinese for any zh, else English). */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale supported = supported(locale);
        return ResourceBundle.getBundle(BUNDLE, supported == ENGLISH ? Locale.ROOT : supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
