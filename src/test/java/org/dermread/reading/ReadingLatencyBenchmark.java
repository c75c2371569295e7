package org.dermread.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.InvitedReader;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a reader waits for the next case: from the click on <i>Save and next</i> to the next image painted,
 * measured inside one headless Chromium (the page's own clock: a click listener starts it; it stops at the second
 * animation frame after the next case's image is complete and shown), first on an idle server, then while 300
 * simulated readers answer through the service. Prints p50/p95/max and the machine's load average:
 * {@code mvn -Pbenchmark test -Dtest=ReadingLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ReadingLatencyBenchmark extends BrowserTest {

    static final int MEASURED = 40;
    static final int SIMULATED = 300;
    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");

    /** Starts the page's stopwatch at each click on Save and stops it when the next case's image is on screen. */
    static final String STOPWATCH = """
            if (!window.__latencies) {
              window.__latencies = [];
              window.__trips = [];
              performance.setResourceTimingBufferSize(100000);
              document.addEventListener('click', e => {
                if (!e.target.closest || !e.target.closest('#save-answer')) return;
                const t0 = performance.now();
                const before = document.getElementById('case-image');
                const check = () => {
                  const img = document.getElementById('case-image');
                  if (img && img !== before && img.complete && img.naturalWidth > 0
                      && !img.classList.contains('prefetch')) {
                    requestAnimationFrame(() => requestAnimationFrame(() => {
                      const end = performance.now();
                      // The round trip that saved the answer and brought the next case (server time plus network).
                      const trips = performance.getEntriesByType('resource')
                          .filter(r => r.name.includes('v-r=uidl') && r.startTime >= t0 - 1 && r.responseEnd <= end);
                      const trip = trips.length ? Math.max(...trips.map(r => r.responseEnd)) - t0 : NaN;
                      window.__trips.push(trip);
                      window.__latencies.push(end - t0);
                    }));
                  } else if (performance.now() - t0 < 30000) {
                    requestAnimationFrame(check);
                  }
                };
                requestAnimationFrame(check);
              }, true);
            }
            """;

    @Autowired
    TestStudies studies;
    @Autowired
    ReadingService reading;
    @Autowired
    JdbcClient jdbc;

    @Test
    void click_on_save_to_the_next_image_painted_idle_and_with_three_hundred_simulated_readers() throws Exception {
        Account coordinator = testAccounts.create("lat-coord", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, MEASURED + 1, LABELS, Options.defaults());
        List<InvitedReader> browserReaders = studies.inviteNewReaders(testAccounts, study, 2, "lat-browser", 500);
        List<InvitedReader> simulated = studies.inviteNewReaders(testAccounts, study, SIMULATED, "lat-sim", 0);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1366,
                "height", 768, "deviceScaleFactor", 1, "mobile", false));

        System.out.printf("%nREADING LATENCY: click on Save and next -> next image painted, %d cases per series,"
                + " %d CPU(s)%n", MEASURED, Runtime.getRuntime().availableProcessors());
        // No separate warm-up: the idle series' first cases include the JIT's warm-up, so its p95 is pessimistic.
        String idleLoad = loadAverage();
        double[] idle = readInBrowser(browserReaders.get(0));
        report("idle server", idle, idleLoad, loadAverage());

        SimulatedReaders load = new SimulatedReaders(reading, simulated, LABELS, 200, 1200);
        Thread.sleep(3000);
        String busyLoad = loadAverage();
        double[] busy = readInBrowser(browserReaders.get(1));
        String busyLoadAfter = loadAverage();
        SimulatedReaders.Run run = load.await();
        report(SIMULATED + " simulated readers", busy, busyLoad, busyLoadAfter);
        System.out.printf("simulated readers: %d answers saved, %d errors; save p50/p95/p99/max %s ms, "
                + "next case %s ms%n", run.saved(), run.errors(), SimulatedReaders.percentiles(run.saveNanos()),
                SimulatedReaders.percentiles(run.nextNanos()));

        int stored = jdbc.sql("select count(*) from answer a join participation p on p.id = a.participation_id"
                + " where p.study_id = :s").param("s", study.studyId()).query(Integer.class).single();
        assertThat(idle).hasSize(MEASURED);
        assertThat(busy).hasSize(MEASURED);
        assertThat(run.errors()).isZero();
        assertThat(stored).isEqualTo(2 * (MEASURED + 1) + SIMULATED * (MEASURED + 1));
    }

    /** Answers every case of the reader's study on the page; returns the latencies of the first MEASURED saves. */
    private double[] readInBrowser(InvitedReader reader) {
        driver.manage().deleteAllCookies();
        signIn(reader.account().username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        driver.get(url("reading/" + reader.participation() + "/unaided"));
        waitFor(By.id("case-image"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(STOPWATCH);
        double[] measured = null;
        for (int i = 0; i <= MEASURED; i++) {
            String progress = "Case " + (i + 1) + " of " + (MEASURED + 1);
            waitUpTo(60).pollingEvery(Duration.ofMillis(20)).until(d -> progress.equals(
                    js.executeScript("return document.getElementById('reading-progress-text').textContent;")));
            if (i == MEASURED) {
                // Read the page's stopwatch before the last save leaves the reading page.
                @SuppressWarnings("unchecked")
                List<Number> values = (List<Number>) js.executeScript("return window.__latencies;");
                measured = values.stream().mapToDouble(Number::doubleValue).toArray();
                @SuppressWarnings("unchecked")
                List<Number> trips = (List<Number>) js.executeScript("return window.__trips;");
                double[] t = trips.stream().mapToDouble(Number::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
                Arrays.sort(t);
                if (t.length > 0) {
                    System.out.printf("  of which the save round trip (click to response, server and network): "
                            + "p50 %.0f ms, p95 %.0f ms (n %d)%n", t[t.length / 2],
                            t[(int) Math.ceil(0.95 * t.length) - 1], t.length);
                }
            }
            String option = "option-" + LABELS.get(i % LABELS.size());
            driver.findElement(By.id(option)).click();
            waitUpTo(60).pollingEvery(Duration.ofMillis(20)).until(d -> "true".equals(js.executeScript(
                    "return document.getElementById(arguments[0]).getAttribute('aria-pressed');", option)));
            int before = ((Number) js.executeScript("return window.__latencies.length;")).intValue();
            driver.findElement(By.id("save-answer")).click();
            if (i < MEASURED) {
                waitUpTo(60).pollingEvery(Duration.ofMillis(20)).until(d -> ((Number) js.executeScript(
                        "return window.__latencies.length;")).intValue() > before);
            }
        }
        waitFor(By.id("reading-done"));
        return measured;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void report(String series, double[] millis, String loadBefore, String loadAfter) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms (n %d); load average (1, 5, 15 min) %s before,"
                + " %s after%n", series, sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                sorted[sorted.length - 1], sorted.length, loadBefore, loadAfter);
    }
}
