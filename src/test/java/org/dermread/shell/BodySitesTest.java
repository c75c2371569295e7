package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BodySitesTest {

    private final Translations translations = new Translations();

    @Test
    void a_site_becomes_its_vocabulary_key_whatever_its_case_and_punctuation() {
        assertThat(BodySites.slug("hand, dorsum")).isEqualTo("hand-dorsum");
        assertThat(BodySites.slug(" Upper Arm ")).isEqualTo("upper-arm");
        assertThat(BodySites.slug("head/neck")).isEqualTo("head-neck");
    }

    @Test
    void every_body_site_of_the_demo_set_has_a_chinese_name() throws IOException {
        List<String> sites = Files.readAllLines(Path.of("study-sets/demo/manifest.csv")).stream().skip(1)
                .map(BodySitesTest::bodySite).filter(site -> !site.isBlank()).distinct().toList();
        assertThat(sites).hasSizeGreaterThan(20);
        for (String site : sites) {
            String chinese = translations.find(BodySites.PREFIX + BodySites.slug(site), Locale.SIMPLIFIED_CHINESE)
                    .orElseThrow(() -> new AssertionError("no Chinese for body site '" + site + "'"));
            assertThat(chinese).as(site).doesNotContainPattern("[A-Za-z]");
        }
        assertThat(translations.find("body-site.hand-dorsum", Locale.SIMPLIFIED_CHINESE)).contains("手背");
        assertThat(translations.find("body-site.hand-dorsum", Locale.ENGLISH)).contains("hand, dorsum");
    }

    @Test
    void a_site_outside_the_vocabulary_has_no_translation() {
        assertThat(translations.find(BodySites.PREFIX + BodySites.slug("left third toe web"), Locale.ENGLISH))
                .isEmpty();
    }

    /** The sixth column of a manifest row, which may be quoted with a comma inside. */
    private static String bodySite(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.get(5);
    }
}
