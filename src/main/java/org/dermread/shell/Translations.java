package org.dermread.shell;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every user-facing string, in English and Simplified Chinese. Each feature keeps its strings in its own pair of
 * files, {@code i18n/<feature>.properties} (English) and {@code i18n/<feature>_zh_CN.properties} (Chinese), all
 * UTF-8; this provider merges them. A test keeps the two languages on exactly the same keys.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);
    /** Where the translation files are; {@code _zh_CN} before {@code .properties} marks Chinese. */
    public static final String LOCATION = "classpath*:i18n/*.properties";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Map<Locale, Map<String, String>> strings = load();

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        String value = strings.get(supported).get(key);
        if (value == null) {
            log.warn("Missing translation '{}' for {}", key, supported);
            return "!" + key + "!";
        }
        return params.length == 0 ? value : new MessageFormat(value, supported).format(params);
    }

    /** The string for a key, if there is one (for open vocabularies, where a missing key is not a mistake). */
    public Optional<String> find(String key, Locale locale) {
        return Optional.ofNullable(strings.get(supported(locale)).get(key));
    }

    /** The locale DermRead supports that is closest to the one given (Chinese for any zh, else English). */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** All strings per language, merged from every feature's files; a key defined twice is an error. */
    public static Map<Locale, Map<String, String>> load() {
        Map<Locale, Map<String, String>> result = Map.of(ENGLISH, new HashMap<>(), CHINESE, new HashMap<>());
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = resource.getFilename();
                Locale locale = name != null && name.endsWith("_zh_CN.properties") ? CHINESE : ENGLISH;
                Properties properties = new Properties();
                try (InputStream in = resource.getInputStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                Map<String, String> target = result.get(locale);
                for (String key : properties.stringPropertyNames()) {
                    if (target.put(key, properties.getProperty(key)) != null) {
                        throw new IllegalStateException(
                                "Translation key '" + key + "' is defined twice (" + name + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(ENGLISH, Map.copyOf(result.get(ENGLISH)), CHINESE, Map.copyOf(result.get(CHINESE)));
    }
}
