package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.dermread.testing.TestStudies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real headless-browser readers answering through the Vaadin page while 300 simulated readers answer through the
 * service, and the server's heap per open reading session. Prints figures:
 * {@code mvn -Pbenchmark test -Dtest=BrowserReadersLoadBenchmark}.
 */
@Tag("benchmark")
class BrowserReadersLoadBenchmark extends BrowserTest {

    static final int BROWSERS = 3;
    static final int SIMULATED = 300;
    static final int CASES = 12;

    @Autowired
    TestStudies studies;
    @Autowired
    ReadingService reading;
    @Autowired
    JdbcClient jdbc;

    @Test
    void browser_readers_answer_while_three_hundred_simulated_readers_load_the_server() throws Exception {
        List<String> labels = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
        Account coordinator = testAccounts.create("bl-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, CASES, labels, Options.defaults());
        var simulated = studies.inviteNewReaders(testAccounts, study, SIMULATED, "bl-sim", 0);
        var browserReaders = studies.inviteNewReaders(testAccounts, study, BROWSERS, "bl-browser", 1000);
        List<Long> browserParticipations = browserReaders.stream().map(TestStudies.InvitedReader::participation)
                .toList();

        long heapBefore = usedHeapAfterGc();
        List<WebDriver> browsers = new ArrayList<>();
        browsers.add(driver);
        for (int b = 1; b < BROWSERS; b++) {
            browsers.add(newBrowser());
        }
        for (int b = 0; b < BROWSERS; b++) {
            WebDriver browser = browsers.get(b);
            signInWith(browser, browserReaders.get(b).account().username());
            browser.get(url("reading/" + browserParticipations.get(b) + "/unaided"));
            new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("case-image")));
        }
        long heapWithSessions = usedHeapAfterGc();

        SimulatedReaders load = new SimulatedReaders(reading, simulated, labels, 200, 1200);
        ConcurrentLinkedQueue<Long> browserAnswerMillis = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < CASES; i++) {
            for (WebDriver browser : browsers) {
                String before = browser.findElement(By.id("reading-progress-text")).getText();
                long t0 = System.nanoTime();
                browser.findElement(By.id("option-MN")).click();
                browser.findElement(By.id("save-answer")).click();
                if (i < CASES - 1) {
                    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElement(
                            By.id("reading-progress-text")).getText().equals(before));
                } else {
                    new WebDriverWait(browser, Duration.ofSeconds(60))
                            .until(ExpectedConditions.visibilityOfElementLocated(By.id("reading-done")));
                }
                browserAnswerMillis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        SimulatedReaders.Run run = load.await();
        for (int b = 1; b < browsers.size(); b++) {
            browsers.get(b).quit();
        }

        long[] sorted = browserAnswerMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        int browserRows = jdbc.sql("select count(*) from answer where participation_id in (:ids)")
                .param("ids", browserParticipations).query(Integer.class).single();
        int allRows = jdbc.sql("select count(*) from answer a join participation p on p.id = a.participation_id "
                + "where p.study_id = :s").param("s", study.studyId()).query(Integer.class).single();
        System.out.printf("%nBROWSER READERS: %d browsers + %d simulated readers, %d cases each%n", BROWSERS,
                SIMULATED, CASES);
        System.out.printf("browser click-to-next-case ms: p50 %d p95 %d max %d (n %d)%n",
                sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                sorted[sorted.length - 1], sorted.length);
        System.out.printf("server heap per open reading session (signed in, reading page shown): %.0f KiB%n",
                (heapWithSessions - heapBefore) / 1024.0 / BROWSERS);
        System.out.printf("rows: browsers %d of %d, all %d of %d, errors %d%n", browserRows, BROWSERS * CASES,
                allRows, (BROWSERS + SIMULATED) * CASES, run.errors());
        assertThat(browserRows).isEqualTo(BROWSERS * CASES);
        assertThat(allRows).isEqualTo((BROWSERS + SIMULATED) * CASES);
        assertThat(run.errors()).isZero();
    }

    private WebDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    private void signInWith(WebDriver browser, String username) {
        browser.get(url("login"));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")))
                .sendKeys(username);
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reader-home")));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
