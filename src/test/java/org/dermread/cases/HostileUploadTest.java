package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The probe of issue 12, finding 1, repeated against the real application in a JVM with a 512 MB heap on its own
 * embedded database: a coordinator uploads, through the import page in headless Chromium, a 500 KB ZIP whose
 * manifest has 100,000 bad rows, one with 19,999 bad rows (100,000 problems, within the row limit), and a ZIP of
 * 15 entries of 63 MB of zeros. Each is refused, the page shows the refusal, {@code /actuator/health} answers UP
 * throughout, and the server never runs out of memory. Prints the time to each refusal, the slowest health answer
 * and the largest heap in use.
 */
class HostileUploadTest {

    @TempDir
    Path dataDir;

    @Test
    void hostile_uploads_are_refused_quickly_while_the_server_stays_healthy_in_a_512_mb_heap() throws Exception {
        Path badRows = Files.write(dataDir.resolve("bad-rows-100000.zip"), HostileZips.badRows(100_000));
        Path problems = Files.write(dataDir.resolve("bad-rows-19999.zip"), HostileZips.badRows(19_999));
        Path zeros = Files.write(dataDir.resolve("zeros-15x63mb.zip"), HostileZips.zeros(15, 63));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                HostileUploadServer.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        AtomicLong maxHeapMb = new AtomicLong();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream()));
        String port = null;
        String user = null;
        String line;
        while ((line = lines.readLine()) != null && !line.equals("READY")) {
            output.add(line);
            if (line.startsWith("PORT ")) {
                port = line.substring(5).trim();
            } else if (line.startsWith("USER ")) {
                user = line.substring(5).trim();
            }
        }
        assertThat(line).as("the server started:\n" + String.join("\n", output)).isEqualTo("READY");
        Thread reader = new Thread(() -> {
            try {
                String next;
                while ((next = lines.readLine()) != null) {
                    if (next.startsWith("HEAP ")) {
                        maxHeapMb.accumulateAndGet(Long.parseLong(next.substring(5).trim()), Math::max);
                    } else {
                        output.add(next);
                    }
                }
            } catch (Exception e) {
                output.add("reader stopped: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();

        String base = "http://localhost:" + port;
        HealthWatch health = new HealthWatch(base);
        health.start();
        WebDriver driver = chromium();
        try {
            signIn(driver, base, user);
            long[] seconds = new long[3];
            seconds[0] = refusalSeconds(driver, base, badRows);
            assertThat(driver.findElement(By.id("import-problems")).getText()).as("the row limit")
                    .contains("20,000");
            seconds[1] = refusalSeconds(driver, base, problems);
            assertThat(driver.findElement(By.id("import-capped")).getText()).contains("99,995");
            seconds[2] = refusalSeconds(driver, base, zeros);
            assertThat(driver.findElement(By.id("import-problems")).getText()).contains("ZIP bomb");
            health.stop();

            System.out.printf("hostile uploads in a 512 MB heap: refused after %d s (100,000 rows), %d s (19,999"
                            + " rows, 99,995 problems), %d s (15 x 63 MB of zeros); health polls %d, slowest %d ms,"
                            + " failed %d; largest heap in use %d MB%n", seconds[0], seconds[1], seconds[2],
                    health.polls.get(), health.slowestMillis.get(), health.failures.get(), maxHeapMb.get());
            assertThat(server.isAlive()).as("the server is still running").isTrue();
            assertThat(output).noneMatch(text -> text.contains("OutOfMemoryError"));
            assertThat(health.failures.get()).as("health polls that did not answer UP within 10 s").isZero();
            assertThat(health.polls.get()).isPositive();
            assertThat(Arrays.stream(seconds).max().orElseThrow()).as("seconds to the slowest refusal").isLessThan(120);
            assertThat(health.up()).isTrue();
        } finally {
            health.stop();
            driver.quit();
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Uploads a ZIP on the import page and waits until the page shows the refusal; returns the seconds it took. */
    private static long refusalSeconds(WebDriver driver, String base, Path zip) {
        driver.get(base + "/coordinator/import");
        WebElement upload = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("zip-upload")));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.get(0);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].style.display='block'; arguments[0].removeAttribute('hidden');", input);
        long start = System.nanoTime();
        input.sendKeys(zip.toAbsolutePath().toString());
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(ExpectedConditions.attributeToBe(
                By.id("import-report"), "data-outcome", "refused"));
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private static void signIn(WebDriver driver, String base, String user) {
        driver.get(base + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coordinator-home")));
    }

    private static WebDriver chromium() {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1280,900", "--lang=en-US");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    /** Polls {@code /actuator/health} every half second on its own thread. */
    private static final class HealthWatch {

        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong slowestMillis = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private Thread thread;

        HealthWatch(String base) {
            this.base = base;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    boolean up = up();
                    slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    polls.incrementAndGet();
                    if (!up) {
                        failures.incrementAndGet();
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "health-watch");
            thread.setDaemon(true);
            thread.start();
        }

        boolean up() {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("UP");
            } catch (Exception e) {
                return false;
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join(15_000);
            }
        }
    }
}
