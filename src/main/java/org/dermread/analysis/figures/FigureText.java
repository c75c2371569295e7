package org.dermread.analysis.figures;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of figures and of the study report, in English or Simplified Chinese, from {@code i18n/report.properties}
 * and {@code i18n/report_zh_CN.properties} (the same files the application's translations merge). Plain Java, so the
 * command line writes the same words without the application.
 */
public final class FigureText {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The languages figures and reports are written in. */
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, CHINESE);

    private static final String BUNDLE = "i18n/report";

    private final Locale locale;
    private final ResourceBundle strings;

    private FigureText(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English is the base file, Chinese its _zh_CN sibling.
        this.strings = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese for any Chinese locale, else English. */
    public static FigureText of(Locale locale) {
        return new FigureText(supported(locale));
    }

    /** The supported language closest to a locale (Chinese for any zh, else English). */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language, by its code as the command line takes it: {@code en} or {@code zh}. */
    public static Locale language(String code) {
        return switch (code) {
            case "en" -> ENGLISH;
            case "zh" -> CHINESE;
            default -> throw new IllegalArgumentException("language must be en or zh, not " + code);
        };
    }

    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return locale.equals(CHINESE);
    }

    /** The text of a key, with {0}, {1} ... filled in (every text is a MessageFormat pattern). */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = strings.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in " + locale, e);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** A phase's name ({@code unaided}, {@code aided}, or as written for other phases). */
    public String phase(String phase) {
        String key = "report.phase." + phase.toLowerCase(Locale.ROOT);
        return strings.containsKey(key) ? get(key) : phase;
    }

    /** An experience group's name ("<3" becomes "<3 years", "unknown" is translated). */
    public String group(String group) {
        return "unknown".equals(group) ? get("report.group.unknown") : get("report.group.years", group);
    }
}
