package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.InferenceService;
import org.dermread.inference.StudyCasePrediction;
import org.dermread.studies.StudyArm;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A human-AI collaboration study with one arm per form of AI help, read in a real Chromium: each reader's AI panel
 * shows their arm's help and nothing else (the AI's diagnosis alone, the probabilities, the malignancy score, the
 * similar verified cases with their images, the saliency map), at 1366x768 and 768x1024.
 */
class CollaborationHelpBrowserTest extends BrowserTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    InferenceService inference;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_case_is_read_with_each_form_of_ai_help_and_the_panel_shows_that_form_alone() throws Exception {
        Account coordinator = testAccounts.create("help-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudyOf(coordinator, List.of("MN", "BCC", "SK", "DF"), LABELS,
                Options.defaults().withAidedPhase());
        studies.addArms(study,
                new StudyArm("A", "Diagnosis only", true, false, false, false, null, false),
                new StudyArm("B", "Probabilities", false, true, false, false, null, false),
                new StudyArm("C", "Malignancy", false, false, true, false, null, false),
                new StudyArm("D", "Similar cases", false, false, false, true, 3, false),
                new StudyArm("E", "Saliency", false, false, false, false, null, true));
        studies.addLibraryCases(study, List.of("MN", "BCC", "SK", "DF", "MN", "BCC"));
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        SignIn.as(coordinator);
        Map<Long, StudyCasePrediction> predictions = inference.predictionsForStudy(study.studyId());
        SignIn.out();

        // Five readers of one experience group fill one block of five: one reader per arm.
        Map<String, Account> readerOf = new HashMap<>();
        Map<String, Long> participationOf = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Account reader = testAccounts.create("help-reader", Role.READER);
            studies.giveProfile(reader, 6);
            long participation = studies.invite(study, reader, 40 + i);
            readings.readAll(reader, participation, (caseId, index, phase) -> "MN", Phase.UNAIDED);
            String arm = jdbc.sql("select arm from participation where id = :p").param("p", participation)
                    .query(String.class).single();
            readerOf.put(arm, reader);
            participationOf.put(arm, participation);
        }
        assertThat(readerOf).containsOnlyKeys("A", "B", "C", "D", "E");

        for (String arm : List.of("A", "B", "C", "D", "E")) {
            long participation = participationOf.get(arm);
            long seed = jdbc.sql("select order_seed from participation where id = :p").param("p", participation)
                    .query(Long.class).single();
            StudyCasePrediction first = predictions.get(ReadingOrder.of(study.caseIds(), seed, Phase.AIDED, true)
                    .get(0));
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(new Dimension(1366, 768));
            signIn(readerOf.get(arm).username(), TestAccounts.PASSWORD);
            try {
                waitFor(By.id("reader-home"));
            } catch (RuntimeException e) {
                screenshot("collaboration-arm-" + arm + "-sign-in-failed");
                throw e;
            }
            driver.get(url("reading/" + participation + "/aided"));
            waitFor(By.id("ai-advice-content"));
            switch (arm) {
                case "A" -> {
                    String top = LABELS.stream().max((a, b) -> Double.compare(first.probabilityOf(a),
                            first.probabilityOf(b))).orElseThrow();
                    assertThat(waitFor(By.cssSelector("#ai-top1 .ai-top1-value")).getText())
                            .startsWith(top + " · ");
                    assertOnly("ai-top1");
                }
                case "B" -> {
                    assertThat(driver.findElements(By.cssSelector("#ai-advice-content .ai-rows .ai-row")))
                            .extracting(row -> row.getDomAttribute("data-code"))
                            .containsExactlyInAnyOrderElementsOf(LABELS);
                    assertOnly("probabilities");
                }
                case "C" -> {
                    assertThat(waitFor(By.id("ai-malignancy-value")).getText()).isEqualTo(
                            String.format(Locale.ROOT, "%.1f%%", 100 * first.probabilityOf("BCC")));
                    assertOnly("ai-malignancy");
                }
                case "D" -> {
                    waitUpTo(60).until(d -> loadedImages(".ai-similar-image") == 3);
                    List<WebElement> similar = driver.findElements(By.cssSelector("#ai-similar .ai-similar-case"));
                    assertThat(similar).hasSize(3).allSatisfy(figure -> {
                        assertThat(LABELS).contains(figure.getDomAttribute("data-code"));
                        assertThat(figure.getText()).contains(figure.getDomAttribute("data-code") + " · ");
                    });
                    assertOnly("ai-similar");
                }
                default -> {
                    waitUpTo(60).until(d -> loadedImages("#ai-saliency") == 1);
                    assertOnly("ai-saliency");
                }
            }
            hideDevelopmentTools();
            screenshot("collaboration-arm-" + arm + "-1366x768");
            driver.manage().window().setSize(new Dimension(768, 1024));
            waitFor(By.id("ai-advice-content"));
            assertThat(driver.findElement(By.id("save-answer")).isDisplayed()).isTrue();
            screenshot("collaboration-arm-" + arm + "-768x1024");
        }
    }

    /** The panel holds exactly one form of help: the one named, and none of the others. */
    private void assertOnly(String form) {
        Map<String, String> selectors = Map.of("ai-top1", "#ai-top1", "probabilities", "#ai-advice-content .ai-rows",
                "ai-malignancy", "#ai-malignancy", "ai-similar", "#ai-similar", "ai-saliency", "#ai-saliency");
        selectors.forEach((name, selector) -> assertThat(driver.findElements(By.cssSelector(selector)))
                .as(name + (name.equals(form) ? " shown" : " not shown")).hasSize(name.equals(form) ? 1 : 0));
    }

    private long loadedImages(String selector) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".filter(i => i.complete && i.naturalWidth > 0).length;", selector);
    }
}
