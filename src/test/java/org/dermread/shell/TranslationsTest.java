package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dermread.accounts.Role;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Map<Locale, Map<String, String>> STRINGS = Translations.load();
    /** Literal keys passed to getTranslation(...) or to our own key-taking constructors and exceptions. */
    /** A word of English prose; codes and symbols such as "AUC {0}" or "p" read the same in both languages. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{4,}\\b");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

    @Test
    void english_and_chinese_have_exactly_the_same_keys() {
        Set<String> english = new TreeSet<>(STRINGS.get(Translations.ENGLISH).keySet());
        Set<String> chinese = new TreeSet<>(STRINGS.get(Translations.CHINESE).keySet());

        assertThat(english).isNotEmpty();
        assertThat(difference(english, chinese)).as("keys missing in Chinese").isEmpty();
        assertThat(difference(chinese, english)).as("keys missing in English").isEmpty();
    }

    /** Each feature's English file has a Chinese partner with exactly its keys (not only the merged sets agree). */
    @Test
    void every_feature_file_has_a_chinese_partner_with_exactly_the_same_keys() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            english = files.filter(path -> path.toString().endsWith(".properties"))
                    .filter(path -> !path.toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
        assertThat(english).hasSizeGreaterThan(5);
        for (Path file : english) {
            Path chinese = file.resolveSibling(
                    file.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertThat(chinese).as("Chinese partner of " + file.getFileName()).exists();
            Set<String> en = keys(file);
            Set<String> zh = keys(chinese);
            assertThat(difference(en, zh)).as("keys of " + file.getFileName() + " missing in Chinese").isEmpty();
            assertThat(difference(zh, en)).as("keys of " + chinese.getFileName() + " missing in English").isEmpty();
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            assertThat(files.filter(path -> path.toString().endsWith("_zh_CN.properties"))
                    .map(path -> path.resolveSibling(path.getFileName().toString().replace("_zh_CN", ""))))
                    .allSatisfy(partner -> assertThat(partner).exists());
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void no_translation_is_empty_and_chinese_strings_are_not_english_copies() {
        STRINGS.forEach((locale, strings) -> strings.forEach((key, value) ->
                assertThat(value).as(locale + " " + key).isNotBlank()));
        long copies = STRINGS.get(Translations.CHINESE).entrySet().stream()
                .filter(entry -> entry.getValue().equals(STRINGS.get(Translations.ENGLISH).get(entry.getKey())))
                .filter(entry -> ENGLISH_WORD.matcher(entry.getValue()).find())
                .filter(entry -> !entry.getKey().equals("app.name"))
                // references to the literature are cited as published, in every language
                .filter(entry -> !entry.getKey().contains(".reference."))
                .count();
        assertThat(copies).as("Chinese strings identical to English").isLessThan(3);
    }

    /** One word for reading images in every Chinese string: 阅片 (the clinical term), never its variant 读片. */
    @Test
    void chinese_strings_use_one_term_for_reading_images() {
        assertThat(STRINGS.get(Translations.CHINESE).entrySet().stream()
                .filter(entry -> entry.getValue().contains("读片")).map(Map.Entry::getKey).toList()).isEmpty();
        assertThat(STRINGS.get(Translations.CHINESE).values().stream().filter(value -> value.contains("阅片")))
                .hasSizeGreaterThan(50);
    }

    @Test
    void every_key_the_code_names_exists_in_both_languages() throws IOException {
        Set<String> missing = new TreeSet<>();
        Set<String> known = STRINGS.get(Translations.ENGLISH).keySet();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    // an audit action ("taxonomy.created") is named by its label, audit.action.<action>
                    if (looksLikeTranslationKey(key, known) && !known.contains(key)
                            && !known.contains("audit.action." + key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        for (Role role : Role.values()) {
            if (!known.contains("role." + role.name())) {
                missing.add("role." + role.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void parameters_are_filled_in_in_both_languages() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("password.error.too-short", Locale.ENGLISH, 10)).contains("10");
        assertThat(translations.getTranslation("password.error.too-short", Locale.CHINA, 10)).contains("10");
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    /** A dotted literal whose first segment is a namespace used by real keys (so "application.yml" is skipped). */
    private static boolean looksLikeTranslationKey(String literal, Set<String> known) {
        String namespace = literal.substring(0, literal.indexOf('.') + 1);
        return known.stream().anyMatch(key -> key.startsWith(namespace))
                && !literal.endsWith(".properties") && !literal.endsWith(".json") && !literal.endsWith(".csv")
                && !literal.endsWith(".html") && !literal.endsWith(".pdf");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
