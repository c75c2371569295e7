package org.dermread.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dermread.accounts.Account;
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
        assertThat(driver.findElement(By.id("first-table-unaided")).getText()).contains("MN").contains("%");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", roc)).isTrue();
        waitFor(By.cssSelector("#tsne-map img"));
        waitFor(By.cssSelector("#averaged-roc-unaided img"));
        screenshot("statistician-results");

        driver.findElement(By.id("download-bundle")).click();
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
