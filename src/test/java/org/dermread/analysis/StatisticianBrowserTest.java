package org.dermread.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.RunAs;
import org.dermread.accounts.Role;
import org.dermread.inference.InferenceService;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

class StatisticianBrowserTest extends BrowserTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    @Autowired
    TestStudies studies;
    @Autowired
    ReadingService reading;
    @Autowired
    InferenceService inference;
    @Autowired
    TestReadings readings;
    @Autowired
    AccountService accounts;

    @Test
    void a_statistician_opens_a_finished_study_sees_the_roc_plot_and_downloads_the_bundle() throws Exception {
        TestStudy study = finishedStudy();
        Account statistician = testAccounts.create("browser-stat", Role.STATISTICIAN);

        signIn(statistician.username(), TestAccounts.PASSWORD);
        waitFor(By.id("results-studies"));
        driver.get(url("results/" + study.studyId()));
        waitFor(By.id("results-title"));
        WebElement roc = waitFor(By.id("roc-image"));
        assertThat(roc.getDomAttribute("src")).startsWith("VAADIN/dynamic/resource/");
        assertThat(driver.findElement(By.id("roc-plot")).getDomAttribute("data-reader-points")).isEqualTo("3");
        assertThat(driver.findElement(By.id("first-table-unaided")).getText()).contains("MN · melanocytic nevus")
                .contains("%");
        // Malignant against benign, from the taxonomy's groups: BCC against the other seven labels.
        assertThat(driver.findElement(By.id("grouped-results")).getText()).contains("BCC")
                .contains("MN, SK, DF, AV, LP, Rosa, VW");
        assertThat(driver.findElement(By.id("grouped-table-unaided")).getText()).contains("malignant")
                .contains("benign").contains("%");
        assertThat(driver.findElements(By.id("grouped-mrmc-table"))).hasSize(1);
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", roc)).isTrue();
        waitFor(By.cssSelector("#tsne-map img"));
        waitFor(By.cssSelector("#averaged-roc-unaided img"));
        screenshot("statistician-results");
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("NaN").doesNotContain("Infinity").contains("AI-assisted - unaided (95% CI)")
                .doesNotContain("--");
        assertThat(driver.findElements(By.cssSelector("#roc-panel-links a"))).hasSize(3);
        assertThat(driver.findElements(By.id("download-report-pdf"))).hasSize(1);
        lookAtTheRocPlot("en");

        RunAs.run(statistician.username(), List.of(Role.STATISTICIAN),
                () -> accounts.changeOwnLocale(Locale.SIMPLIFIED_CHINESE));
        driver.get(url("results/" + study.studyId()));
        waitFor(By.id("roc-image"));
        waitFor(By.id("mrmc-table"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("NaN")
                .contains("人工智能辅助阅片 - 独立阅片");
        assertThat(driver.findElement(By.id("roc-image")).getDomAttribute("alt")).contains("独立阅片");
        assertThat(driver.findElement(By.id("grouped-table-aided")).getText()).contains("恶性").contains("良性");
        assertThat(driver.findElement(By.id("first-table-unaided")).getText()).contains("基底细胞癌");
        lookAtTheRocPlot("zh");

        followLink(driver.findElement(By.id("download-bundle")));
        Path zip = waitForDownload();
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(files).containsKeys("cases.csv", "readings.csv", "readers.csv", "ai_predictions.csv",
                "metrics.json", "manifest.json", "data-dictionary.md", "plots/roc-unaided-MN.pdf");
        assertThat(new String(files.get("readings.csv"), StandardCharsets.UTF_8).lines()).hasSize(1 + 3 * 16 * 2);
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals("manifest.json")) {
                assertThat(manifest).contains(TestStudies.sha256(file.getValue()));
            }
        }
    }

    @Test
    void a_study_without_ai_predictions_says_so_once_offers_its_coordinator_the_model_and_shows_no_nan() {
        Account coordinator = testAccounts.create("noai-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, 8, LABELS.subList(0, 4), Options.defaults());
        Account reader = testAccounts.create("noai-reader", Role.READER);
        studies.giveProfile(reader, 5);
        long participation = studies.invite(study, reader, 3);
        readings.readAll(reader, participation, (caseId, i, phase) -> i % 3 == 0 ? LABELS.get(0)
                : study.truth().get(caseId), Phase.UNAIDED);

        signIn(coordinator.username(), TestAccounts.PASSWORD);
        // a coordinator lands on their studies; the results list is one menu entry away
        waitUpTo(30).until(d -> !d.getCurrentUrl().contains("login"));
        driver.get(url("statistics"));
        waitFor(By.id("results-studies"));
        driver.get(url("results/" + study.studyId()));
        waitFor(By.id("first-table-unaided"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("NaN").contains("not estimable");
        assertThat(page.split("no AI predictions", -1)).as("said once").hasSize(2);
        assertThat(page).doesNotContain("the others");
        assertThat(driver.findElement(By.id("results-run-model")).getDomAttribute("href"))
                .isEqualTo("inference/study/" + study.studyId());
        assertThat(driver.findElement(By.cssSelector("#first-table-unaided .not-estimable"))
                .getDomAttribute("title")).isNotBlank();
        screenshot("results-one-reader-no-ai");
    }

    /** The ROC plot at the two window sizes the issue names, its image as wide as the page lets it be. */
    private void lookAtTheRocPlot(String language) {
        for (int[] size : new int[][] {{1366, 768}, {768, 1024}}) {
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            WebElement image = driver.findElement(By.id("roc-image"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", image);
            waitUpTo(10).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].getBoundingClientRect().width", image)).doubleValue() > 0);
            double width = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].getBoundingClientRect().width", image)).doubleValue();
            double available = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].parentElement.getBoundingClientRect().width", image)).doubleValue();
            assertThat(width).as("the plot uses the width it has").isGreaterThan(Math.min(available, 560) - 4);
            screenshot("roc-" + language + "-" + size[0] + "x" + size[1]);
        }
    }

    @Override
    protected Path downloadFolder() {
        return Path.of("target", "downloads", "statistician");
    }

    private Path waitForDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloadFolder())) {
                var done = files.filter(path -> path.toString().endsWith(".zip")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no bundle downloaded");
    }

    private TestStudy finishedStudy() throws InterruptedException {
        Account coordinator = testAccounts.create("stat-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, 16, LABELS, Options.defaults().withAidedPhase());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        for (int r = 0; r < 3; r++) {
            int seat = r;
            Account reader = testAccounts.create("stat-reader", Role.READER);
            studies.giveProfile(reader, 1 + 7 * r);
            long participation = studies.invite(study, reader, 7 + r);
            readings.readAll(reader, participation, (caseId, i, phase) -> (i + seat) % 4 != 0
                    ? study.truth().get(caseId)
                    : LABELS.get((LABELS.indexOf(study.truth().get(caseId)) + 1) % 8), Phase.UNAIDED, Phase.AIDED);
        }
        return study;
    }
}
