package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole answer panel without scrolling, with the paper's 14 labels, in both phases, on desktops and tablets:
 * every label button, the confidence buttons and Save lie inside the viewport and are what the browser finds at
 * their centres (nothing covers them), and the image keeps a large share of the screen. Checked in real Chromium
 * from bounding boxes; screenshots of every size, phase and language land in {@code target/screenshots}.
 */
class ReadingPageFitsTheScreenTest extends BrowserTest {

    static final List<String> FOURTEEN = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN",
            "Hem", "Pso", "PWS", "BCC");
    /** Desktop 1366x768 and 1440x900, tablet 768x1024 (portrait) and 1024x768 (landscape). */
    static final int[][] SIZES = {{1366, 768}, {768, 1024}, {1440, 900}, {1024, 768}};

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_label_the_confidence_and_save_are_on_screen_in_both_phases_in_english_and_chinese() throws Exception {
        Account coordinator = testAccounts.create("fit-coord", Role.COORDINATOR);
        Account reader = testAccounts.create("fit-reader", Role.READER);
        studies.giveProfile(reader, 7);
        List<String> cases = new ArrayList<>(FOURTEEN);
        cases.addAll(FOURTEEN);
        TestStudy study = studies.openStudyOf(coordinator, cases, FOURTEEN,
                Options.defaults().withConfidence().withAidedPhase().withAllowBack());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        long participation = studies.invite(study, reader, 77L);
        driver.manage().window().setSize(new Dimension(1500, 1100));
        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));

        for (String language : List.of("en", "zh")) {
            if (language.equals("zh")) {
                jdbc.sql("update account set locale = 'zh-CN' where id = :a").param("a", reader.id().value()).update();
            }
            checkEverySize(participation, "unaided", language);
        }
        // The unaided phase read through the service; then the AI-assisted phase on the page.
        readings.readAll(reader, participation, new TestReadings.Answerer() {
            @Override
            public String answer(long caseId, int index, Phase phase) {
                return "MN";
            }

            @Override
            public Integer confidence(long caseId, int index, Phase phase) {
                return 3;
            }
        }, Phase.UNAIDED);
        for (String language : List.of("zh", "en")) {
            if (language.equals("en")) {
                jdbc.sql("update account set locale = 'en' where id = :a").param("a", reader.id().value()).update();
            }
            checkEverySize(participation, "aided", language);
        }
    }

    private void checkEverySize(long participation, String phase, String language) {
        for (int[] size : SIZES) {
            viewport(size[0], size[1]);
            driver.get(url("reading/" + participation + "/" + phase));
            waitFor(By.id("case-image"));
            waitUpTo(30).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "const i = document.getElementById('case-image'); return i && i.complete && i.naturalWidth > 0;")));
            if (phase.equals("aided")) {
                waitFor(By.id("ai-saliency"));
            }
            // A diagnosis and a confidence chosen, as a reader would see the page mid-case.
            new Actions(driver).sendKeys("b").sendKeys("4").perform();
            waitUpTo(20).until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('confidence-4').getAttribute('aria-pressed');")));
            String where = phase + " " + language + " " + size[0] + "x" + size[1];
            // Vaadin's development-mode pop-up (tests run in development mode) is not on a reader's page.
            ((JavascriptExecutor) driver).executeScript(
                    "document.querySelectorAll('vaadin-dev-tools, copilot-main').forEach(e => e.remove());");
            screenshot("reading-" + phase + "-" + language + "-" + size[0] + "x" + size[1]);

            List<String> ids = new ArrayList<>();
            FOURTEEN.forEach(code -> ids.add("option-" + code));
            for (int level = 1; level <= 5; level++) {
                ids.add("confidence-" + level);
            }
            ids.add("save-answer");
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript(ON_SCREEN, ids);
            assertThat(problems).as(where).isEmpty();

            @SuppressWarnings("unchecked")
            Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                    const v = document.getElementById('image-viewer').getBoundingClientRect();
                    const drawer = document.querySelector('vaadin-app-layout');
                    return {share: v.width * v.height / (innerWidth * innerHeight), width: innerWidth,
                            height: innerHeight, scroll: document.scrollingElement.scrollHeight,
                            drawer: drawer.hasAttribute('drawer-opened')};
                    """);
            assertThat(((Number) layout.get("width")).intValue()).isEqualTo(size[0]);
            assertThat(((Number) layout.get("height")).intValue()).isEqualTo(size[1]);
            assertThat(((Number) layout.get("scroll")).intValue()).as(where + ": nothing to scroll")
                    .isLessThanOrEqualTo(size[1]);
            assertThat(layout.get("drawer")).as(where + ": focus mode, drawer closed").isEqualTo(false);
            double share = ((Number) layout.get("share")).doubleValue();
            System.out.printf("reading page %s: image %.0f%% of the screen%n", where, 100 * share);
            assertThat(share).as(where + ": the image's share of the screen").isGreaterThan(0.3);
            if (phase.equals("aided")) {
                @SuppressWarnings("unchecked")
                List<String> ai = (List<String>) ((JavascriptExecutor) driver).executeScript(ON_SCREEN,
                        List.of("ai-advice", "ai-saliency", "ai-toggle"));
                assertThat(ai).as(where + ": the AI's panel beside the answers").isEmpty();
            }
        }
    }

    @Test
    void the_ai_panel_folds_away_and_stays_folded_on_the_next_case_and_after_a_reload() throws Exception {
        Account coordinator = testAccounts.create("fold-coord", Role.COORDINATOR);
        Account reader = testAccounts.create("fold-reader", Role.READER);
        studies.giveProfile(reader, 7);
        TestStudy study = studies.openStudyOf(coordinator, List.of("MN", "BCC", "Hem"), FOURTEEN,
                Options.defaults().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        long participation = studies.invite(study, reader, 5L);
        readings.readAll(reader, participation, (caseId, index, phase) -> "MN", Phase.UNAIDED);
        viewport(1366, 768);
        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        driver.get(url("reading/" + participation + "/aided"));
        waitFor(By.id("ai-advice-content"));
        double imageWidth = width("image-viewer");

        driver.findElement(By.id("ai-toggle")).click();
        waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("ai-advice-content")));
        waitUpTo(20).until(d -> width("image-viewer") > imageWidth + 150);
        new Actions(driver).sendKeys("m").sendKeys(Keys.ENTER).perform();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("reading-progress-text"), "Case 2 of 3"));
        assertThat(driver.findElements(By.cssSelector("#ai-advice-content:not([hidden])"))).isEmpty();
        driver.navigate().refresh();
        waitFor(By.id("ai-toggle"));
        assertThat(driver.findElement(By.id("ai-toggle")).getDomAttribute("aria-expanded")).isEqualTo("false");

        driver.findElement(By.id("ai-toggle")).click();
        waitFor(By.id("ai-advice-content"));
        // Only probabilities worth a glance are highlighted, at most three.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('.ai-row')].map(r => ({
                  top: r.classList.contains('ai-top'), p: parseFloat(r.querySelector('.ai-value').textContent)}));
                """);
        assertThat(rows).hasSize(14);
        assertThat(rows.stream().filter(r -> (Boolean) r.get("top")).count()).isBetween(1L, 3L);
        assertThat(rows).allSatisfy(r -> {
            if ((Boolean) r.get("top")) {
                assertThat(((Number) r.get("p")).doubleValue()).isGreaterThanOrEqualTo(5.0);
            }
        });
        // The saliency caption sits under its image.
        @SuppressWarnings("unchecked")
        Map<String, Object> figure = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const i = document.getElementById('ai-saliency').getBoundingClientRect();
                const c = document.querySelector('.ai-saliency-caption').getBoundingClientRect();
                return {imageBottom: i.bottom, captionTop: c.top};
                """);
        assertThat(((Number) figure.get("captionTop")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) figure.get("imageBottom")).doubleValue() - 1);
    }

    @Test
    void after_save_the_next_case_starts_at_the_top_of_its_image() {
        Account coordinator = testAccounts.create("top-coord", Role.COORDINATOR);
        Account reader = testAccounts.create("top-reader", Role.READER);
        studies.giveProfile(reader, 7);
        TestStudy study = studies.openStudyOf(coordinator, List.of("MN", "BCC", "SK"), FOURTEEN,
                Options.defaults().withConfidence());
        long participation = studies.invite(study, reader, 5L);
        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        // A small phone-sized window, where the page does scroll.
        viewport(400, 560);
        driver.get(url("reading/" + participation + "/unaided"));
        waitFor(By.id("case-image"));
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('save-answer').scrollIntoView({block: 'end'});");
        screenshot("reading-phone-scrolled-400x560");
        assertThat(imageTop()).as("the page scrolled down to Save, the image's top out of sight").isLessThan(0);

        new Actions(driver).sendKeys("m").sendKeys("3").sendKeys(Keys.ENTER).perform();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("reading-progress-text"), "Case 2 of 3"));
        waitUpTo(20).until(d -> imageTop() >= 0);
        assertThat(imageTop()).isBetween(0.0, 200.0);
        screenshot("reading-phone-next-case-400x560");
    }

    private double imageTop() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('image-viewer').getBoundingClientRect().top;")).doubleValue();
    }

    private double width(String id) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById(arguments[0]).getBoundingClientRect().width;", id)).doubleValue();
    }

    /** The CSS viewport exactly (a headless window's outer size is not its viewport). */
    private void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** For each id: missing, not displayed, outside the viewport, or covered at its centre; empty when all is well. */
    static final String ON_SCREEN = """
            const problems = [];
            for (const id of arguments[0]) {
              const e = document.getElementById(id);
              if (!e) { problems.push(id + ': missing'); continue; }
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) { problems.push(id + ': not displayed'); continue; }
              if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
                problems.push(id + ': [' + [r.left, r.top, r.right, r.bottom].map(Math.round) + '] outside '
                    + innerWidth + 'x' + innerHeight);
                continue;
              }
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!hit || !(hit === e || e.contains(hit))) {
                problems.push(id + ': covered by '
                    + (hit ? hit.tagName + '#' + hit.id + '.' + hit.className : 'nothing'));
              }
            }
            return problems;
            """;
}
