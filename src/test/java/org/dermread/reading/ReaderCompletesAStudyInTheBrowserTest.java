package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReaderCompletesAStudyInTheBrowserTest extends BrowserTest {

    static final List<String> FOURTEEN = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN",
            "Hem", "Pso", "PWS", "BCC");

    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_reader_fills_the_profile_and_completes_ten_cases_by_keyboard_with_a_refresh_half_way() {
        driver.manage().window().setSize(new Dimension(768, 1024));
        Account coordinator = testAccounts.create("coord", Role.COORDINATOR);
        Account reader = testAccounts.create("tablet-reader", Role.READER);
        TestStudy study = studies.openStudy(coordinator, 10, List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa",
                "VW"), Options.defaults().withFeedback());
        long participation = studies.invite(study, reader, 2021L);

        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-profile"));
        driver.findElement(By.cssSelector("#years-dermatology input")).sendKeys("6");
        driver.findElement(By.cssSelector("#years-dermoscopy input")).sendKeys("3");
        choose("title", "Attending physician");
        choose("hospital", "Tertiary grade A hospital");
        driver.findElement(By.id("save-profile")).click();

        waitFor(By.id("open-" + participation)).click();
        waitFor(By.id("reading-view"));
        screenshot("reading-tablet");

        List<Long> order = ReadingOrder.of(study.caseIds(), 2021L, Phase.UNAIDED, true);
        // MN, BCC, SK, DF, AV, LP, Rosa, VW have the keys M, B, K, F, A, L, R, V.
        String[] keys = {"m", "b", "k", "f", "a", "l", "r", "v", "m", "b"};
        String[] chosen = {"MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW", "MN", "BCC"};
        for (int i = 0; i < 10; i++) {
            waitForProgress(i + 1, 10);
            if (i == 5) {
                driver.navigate().refresh();
                waitFor(By.id("reading-view"));
                waitForProgress(6, 10);
            }
            new Actions(driver).sendKeys(keys[i]).perform();
            waitForPressed("option-" + chosen[i]);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
        }

        waitFor(By.id("reading-done"));
        assertThat(driver.findElement(By.id("feedback-accuracy-unaided")).getText()).contains("of 10 correct");
        screenshot("reading-done");

        List<String> stored = jdbc.sql("""
                        select case_id || ':' || diagnosis from answer where participation_id = :p
                         order by answered_at, id
                        """)
                .param("p", participation).query(String.class).list();
        assertThat(stored).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(stored.get(i)).isEqualTo(order.get(i) + ":" + chosen[i]);
        }
        assertThat(jdbc.sql("select count(*) from answer where shown_at > answered_at").query(Integer.class)
                .single()).isZero();
        assertThat(driver.getPageSource()).doesNotContain(study.truth().values().iterator().next() + "\"");
    }

    @Test
    void a_reader_answers_fourteen_cases_by_keyboard_alone_choosing_each_of_the_fourteen_labels_once() {
        driver.manage().window().setSize(new Dimension(1366, 768));
        Account coordinator = testAccounts.create("coord", Role.COORDINATOR);
        Account reader = testAccounts.create("keyboard-reader", Role.READER);
        studies.giveProfile(reader, 12);
        TestStudy study = studies.openStudyOf(coordinator, FOURTEEN, FOURTEEN, Options.defaults().withConfidence());
        long participation = studies.invite(study, reader, 1414L);
        // The keys on the buttons; confidence 1-5 cycles. Each label is chosen once, in this order.
        Map<String, String> keyOf = Map.ofEntries(Map.entry("LP", "l"), Map.entry("Rosa", "r"),
                Map.entry("VW", "v"), Map.entry("AV", "a"), Map.entry("KAHS", "s"), Map.entry("EAD", "e"),
                Map.entry("DF", "f"), Map.entry("SD", "d"), Map.entry("SK", "k"), Map.entry("MN", "m"),
                Map.entry("Hem", "h"), Map.entry("Pso", "p"), Map.entry("PWS", "w"), Map.entry("BCC", "b"));
        List<String> answers = List.of("BCC", "PWS", "Pso", "Hem", "MN", "SK", "SD", "DF", "EAD", "KAHS", "AV", "VW",
                "Rosa", "LP");

        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        driver.get(url("reading/" + participation + "/unaided"));
        waitFor(By.id("reading-view"));
        for (String code : FOURTEEN) {
            assertThat(driver.findElement(By.cssSelector("#option-" + code + " .answer-key")).getText())
                    .as("the key shown on " + code).isEqualTo(keyOf.get(code).toUpperCase(Locale.ROOT));
        }
        for (int i = 0; i < 14; i++) {
            waitForProgress(i + 1, 14);
            if (i == 0) {
                new Actions(driver).sendKeys(Keys.ENTER).perform();
                waitUpTo(20).until(ExpectedConditions.textToBe(By.id("missing-hint"),
                        "Choose a diagnosis (its letter) and your confidence (1 to 5)."));
            }
            new Actions(driver).sendKeys(keyOf.get(answers.get(i))).perform();
            waitForPressed("option-" + answers.get(i));
            new Actions(driver).sendKeys(String.valueOf(i % 5 + 1)).perform();
            waitForPressed("confidence-" + (i % 5 + 1));
            new Actions(driver).sendKeys(Keys.ENTER).perform();
        }
        waitFor(By.id("reading-done"));

        List<Long> order = ReadingOrder.of(study.caseIds(), 1414L, Phase.UNAIDED, true);
        List<String> stored = jdbc.sql("""
                        select case_id || ':' || diagnosis || ':' || confidence from answer
                         where participation_id = :p order by answered_at, id
                        """)
                .param("p", participation).query(String.class).list();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            expected.add(order.get(i) + ":" + answers.get(i) + ":" + (i % 5 + 1));
        }
        assertThat(stored).isEqualTo(expected);
        assertThat(stored.stream().map(a -> a.split(":")[1]).distinct()).hasSize(14);
    }

    @Test
    void the_reading_page_never_contains_ground_truth_or_case_identifiers() {
        Account coordinator = testAccounts.create("coord", Role.COORDINATOR);
        Account reader = testAccounts.create("curious-reader", Role.READER);
        studies.giveProfile(reader, 4);
        TestStudy study = studies.openStudy(coordinator, 3, List.of("MN", "BCC", "SK", "DF"), Options.defaults());
        long participation = studies.invite(study, reader, 1L);
        String externalId = jdbc.sql("select external_id from clinical_case where id = :c")
                .param("c", study.caseIds().get(0)).query(String.class).single();
        String imageSha = jdbc.sql("select image_sha256 from clinical_case where id = :c")
                .param("c", study.caseIds().get(0)).query(String.class).single();

        signIn(reader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        driver.get(url("reading/" + participation + "/unaided"));
        waitFor(By.id("case-image"));

        String page = driver.getPageSource();
        assertThat(page).doesNotContain(externalId).doesNotContain(imageSha);
        // The image address is Vaadin's opaque one-off resource: UI id and a random key; no case id.
        String src = driver.findElement(By.id("case-image")).getDomAttribute("src");
        assertThat(src).matches("VAADIN/dynamic/resource/\\d+/[0-9a-f-]{36}/");
    }

    private void choose(String selectId, String label) {
        driver.findElement(By.id(selectId)).click();
        waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")).click();
    }

    /** Waits for the state (the button shows as chosen), reading it anew by id each time, never a kept element. */
    private void waitForPressed(String id) {
        waitUpTo(20).until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
                "const e = document.getElementById(arguments[0]); return e && e.getAttribute('aria-pressed');", id)));
    }

    private void waitForProgress(int caseNumber, int of) {
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("reading-progress-text"),
                "Case " + caseNumber + " of " + of));
    }
}
