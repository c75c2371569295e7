package org.dermread.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The production jar as a hospital runs it: start-up times and server memory per open reading session. Prints
 * figures, asserts only that the jar is a production build and that the steps happened:
 *
 * <pre>
 * mvn -Pproduction -DskipTests package     # the jar under test (then mvn clean before the next test build)
 * mvn -Pbenchmark test -Dtest=ProductionJarBenchmark [-Dbenchmark.jar=target/dermread-0.1.0-SNAPSHOT.jar
 *     -Dbenchmark.browsers=8 -Dbenchmark.restarts=2]
 * </pre>
 *
 * <ol>
 * <li>First start on an empty data folder (embedded PostgreSQL, demo mode): time to health UP (readiness), the log's
 * own timings of each demo step, and when the background demo study (simulated readers, an AI run) was ready.</li>
 * <li>Restarts of the same data folder: time to health UP each time, with the log lines that show where the time
 * went (PostgreSQL start, Flyway, Spring context, runners).</li>
 * <li>Readers: N real headless Chromium browsers sign in as {@code demo-reader} (one HTTP session and one Vaadin UI
 * each; the first fills the reader profile through the form) and open the reading page of the demo study. The
 * server's heap is read after full garbage collections ({@code jcmd GC.run}, {@code GC.heap_info}) with 1 session
 * open and with 1 + N; the difference divided by N is the heap per open reading session. The class histogram's
 * largest growth says what that memory is.</li>
 * </ol>
 */
@Tag("benchmark")
class ProductionJarBenchmark {

    private static final int BROWSERS = Integer.getInteger("benchmark.browsers", 8);
    private static final int RESTARTS = Integer.getInteger("benchmark.restarts", 2);
    private static final int ANSWERS = Integer.getInteger("benchmark.answers", 5);
    private static final Path WORK = Path.of("target", "jar-benchmark");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void the_production_jar_starts_and_holds_reading_sessions() throws Exception {
        Path jar = jar();
        deleteRecursively(WORK);
        Path data = Files.createDirectories(WORK.resolve("data"));
        StringBuilder out = new StringBuilder(String.format("%nPRODUCTION JAR: %s (%d MB), %d cores, load average %s%n",
                jar, Files.size(jar) / 1_000_000, Runtime.getRuntime().availableProcessors(), loadAverage()));

        Server first = Server.start(jar, data, "first");
        out.append(String.format("First start, empty data folder: health UP after %.1f s, %.1f CPU s (JVM %.1f, "
                + "PostgreSQL %.1f) (log: %s)%n", first.readySeconds(), first.readyCpu().total(),
                first.readyCpu().jvm(), first.readyCpu().postgres(),
                first.logged("Started Application in [0-9.]+ seconds.*")));
        first.awaitLog("Demo mode: '.*simulated readers.*' is ready.*", Duration.ofMinutes(15));
        for (String pattern : List.of("Starting embedded PostgreSQL.*", "Demo model .* registered .* in \\d+ ms",
                "AI inference: .*", "Demo mode: opened .*", "Demo mode: set up in .*",
                "Demo mode: '.*simulated readers.*' is ready.*")) {
            out.append("  ").append(first.logged(pattern)).append('\n');
        }
        first.stop();

        for (int i = 1; i <= RESTARTS; i++) {
            Server again = Server.start(jar, data, "restart-" + i);
            out.append(String.format("Restart %d of the same data folder: health UP after %.1f s, %.1f CPU s (JVM %.1f,"
                    + " PostgreSQL %.1f) (log: %s)%n", i, again.readySeconds(), again.readyCpu().total(),
                    again.readyCpu().jvm(), again.readyCpu().postgres(),
                    again.logged("Started Application in [0-9.]+ seconds.*")));
            out.append(again.timeline());
            if (i < RESTARTS) {
                again.stop();
                continue;
            }
            out.append(readers(again, data, out));
            again.stop();
        }
        out.append(String.format("Load average at the end: %s%n", loadAverage()));
        System.out.println(out);
        Files.writeString(WORK.resolve("report.txt"), out);
    }

    /** Opens the reading page in real browsers and measures the heap per open reading session. */
    private static String readers(Server server, Path data, StringBuilder soFar) throws Exception {
        String password = Files.readAllLines(data.resolve("DEMO-ACCOUNTS.txt")).stream()
                .filter(line -> line.startsWith("Password: ")).map(line -> line.substring(10).strip())
                .findFirst().orElseThrow();
        List<WebDriver> browsers = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        try {
            WebDriver first = browser();
            browsers.add(first);
            signIn(first, server, password);
            new WebDriverWait(first, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("reader-profile"))
                    .isEmpty() || !d.findElements(By.id("reader-home")).isEmpty());
            if (!first.findElements(By.id("reader-profile")).isEmpty()) {
                first.findElement(By.cssSelector("#years-dermatology input")).sendKeys("6");
                first.findElement(By.cssSelector("#years-dermoscopy input")).sendKeys("3");
                choose(first, "title", "Attending physician");
                choose(first, "hospital", "Tertiary grade A hospital");
                first.findElement(By.id("save-profile")).click();
            }
            openReadingPage(first);
            Heap one = server.heap();
            Map<String, Long> histogramOne = server.histogram();
            long[] openMillis = new long[BROWSERS];
            for (int b = 0; b < BROWSERS; b++) {
                long t0 = System.nanoTime();
                WebDriver browser = browser();
                browsers.add(browser);
                signIn(browser, server, password);
                openReadingPage(browser);
                openMillis[b] = (System.nanoTime() - t0) / 1_000_000;
            }
            Heap all = server.heap();
            Map<String, Long> histogramAll = server.histogram();
            double perSession = (all.usedBytes() - one.usedBytes()) / (double) BROWSERS;
            out.append(String.format("Reading sessions (production mode, real headless Chromium, demo-reader signed in"
                    + " and the demo study's reading page shown): heap after full GC %.1f MiB with 1 session, %.1f "
                    + "MiB with %d: %.0f KiB per open reading session (sign-in + page: %s ms per browser)%n",
                    one.usedBytes() / 1048576.0, all.usedBytes() / 1048576.0, BROWSERS + 1, perSession / 1024,
                    Arrays.toString(openMillis)));
            out.append(String.format("  server process RSS %d MiB; max heap %d MiB%n", server.rssMiB(),
                    all.maxBytes() / 1048576));
            out.append("  largest heap growth by class (bytes per session):\n");
            histogramAll.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - histogramOne.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                    .forEach(e -> out.append(String.format("    %9.0f  %s%n", e.getValue() / (double) BROWSERS,
                            e.getKey())));
            System.out.println(soFar + out.toString());
            out.append(answers(server, browsers));
        } finally {
            browsers.forEach(WebDriver::quit);
        }
        return out.toString();
    }

    /**
     * Every open browser answers {@link #ANSWERS} cases (click a diagnosis, save, wait for the next case); the server's
     * CPU time per answer (JVM and PostgreSQL), with the page's round trips, says how many readers the CPUs carry.
     */
    private static String answers(Server server, List<WebDriver> browsers) throws IOException {
        Cpu before = server.cpu();
        long start = System.nanoTime();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < ANSWERS; i++) {
            for (WebDriver browser : browsers) {
                String progress = browser.findElement(By.id("reading-progress-text")).getText();
                long t0 = System.nanoTime();
                browser.findElement(By.cssSelector("[id^='option-']")).click();
                // The demo study asks for a confidence; without one, Save says so and saves nothing.
                browser.findElements(By.id("confidence-3")).forEach(WebElement::click);
                browser.findElement(By.id("save-answer")).click();
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> !d.findElement(
                        By.id("reading-progress-text")).getText().equals(progress));
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Cpu after = server.cpu();
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        double cpuMsPerAnswer = 1000 * (after.total() - before.total()) / sorted.length;
        return String.format("Answers through the page: %d in %.1f s; click-to-next-case p50 %d ms, p95 %d ms; server "
                + "CPU per answer %.1f ms (JVM %.1f, PostgreSQL %.1f), i.e. %.0f answers per CPU-second%n",
                sorted.length, wall, sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                cpuMsPerAnswer, 1000 * (after.jvm() - before.jvm()) / sorted.length,
                1000 * (after.postgres() - before.postgres()) / sorted.length, 1000 / cpuMsPerAnswer);
    }

    private static void openReadingPage(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        String card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^='open-']")))
                .getDomAttribute("id");
        browser.findElement(By.id(card)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-image")));
    }

    private static void signIn(WebDriver browser, Server server, String password) {
        browser.get(server.url("login"));
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")))
                .sendKeys("demo-reader");
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
    }

    private static void choose(WebDriver browser, String selectId, String label) {
        browser.findElement(By.id(selectId)).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"))).click();
    }

    private static WebDriver browser() {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=en-US");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    private static Path jar() throws IOException {
        String given = System.getProperty("benchmark.jar");
        Path jar;
        if (given != null) {
            jar = Path.of(given);
        } else {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(f -> f.getFileName().toString().matches("dermread-.*\\.jar"))
                        .max(Comparator.comparingLong(f -> f.toFile().lastModified()))
                        .orElseThrow(() -> new IllegalStateException("no jar in target/: build one with "
                                + "mvn -Pproduction -DskipTests package, or give -Dbenchmark.jar"));
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var info = zip.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            if (info == null) {
                info = zip.getEntry("BOOT-INF/classes/META-INF/VAADIN/config/flow-build-info.json");
            }
            String text = info == null ? "" : new String(zip.getInputStream(info).readAllBytes());
            if (!text.replace(" ", "").contains("\"productionMode\":true")) {
                throw new IllegalStateException(jar + " is not a production build (flow-build-info.json: " + text
                        + "); build it with mvn -Pproduction -DskipTests package");
            }
        }
        return jar;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** CPU seconds used so far by the server's JVM and by its PostgreSQL (postmaster and its children). */
    private record Cpu(double jvm, double postgres) {

        double total() {
            return jvm + postgres;
        }
    }

    /** Used and maximum heap after full garbage collections. */
    private record Heap(long usedBytes, long maxBytes) {
    }

    /** A running instance of the jar, with its own port and log. */
    private static final class Server {

        private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
        private final Process process;
        private final int port;
        private final Path log;
        private final long startNanos;
        private final Path postgresData;
        private double readySeconds;
        private Cpu readyCpu;

        private Server(Process process, int port, Path log, long startNanos, Path postgresData) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.startNanos = startNanos;
            this.postgresData = postgresData;
        }

        static Server start(Path jar, Path data, String name) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path console = WORK.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(console.toFile());
            Map<String, String> env = builder.environment();
            env.remove("ONEDNN_MAX_CPU_ISA");
            // Demo mode is opt-in (a deployed jar never turns it on by itself); the benchmark measures it.
            env.put("DERMREAD_DEMO_MODE", "on");
            env.put("PORT", Integer.toString(port));
            env.put("DERMREAD_DATABASE_EMBEDDED_DATA_DIR", data.resolve("postgres").toAbsolutePath().toString());
            env.put("DERMREAD_INFERENCE_MODEL_STORE", data.resolve("models").toAbsolutePath().toString());
            env.put("DERMREAD_DEMO_CREDENTIALS_FILE", data.resolve("DEMO-ACCOUNTS.txt").toAbsolutePath().toString());
            env.put("DERMREAD_LOG_FILE", data.resolve("logs/dermread.log").toAbsolutePath().toString());
            long start = System.nanoTime();
            Server server = new Server(builder.start(), port, console, start, data.resolve("postgres"));
            server.awaitReady(Duration.ofMinutes(10));
            return server;
        }

        String url(String path) {
            return "http://localhost:" + port + "/" + path;
        }

        double readySeconds() {
            return readySeconds;
        }

        Cpu readyCpu() {
            return readyCpu;
        }

        /** From {@code /proc/<pid>/stat}: user + system time of the JVM, and of the postmaster and its children. */
        Cpu cpu() throws IOException {
            double jvm = cpuSeconds(process.pid(), false);
            double postgres = 0;
            Path pidFile = postgresData.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                // the postmaster with its ended children (cutime, cstime) and its running ones
                postgres = cpuSeconds(postmaster, true) + ProcessHandle.of(postmaster).map(handle -> handle.children()
                        .mapToDouble(child -> cpuSeconds(child.pid(), false)).sum()).orElse(0.0);
            }
            return new Cpu(jvm, postgres);
        }

        private static double cpuSeconds(long pid, boolean withEndedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[11..14] are utime, stime, cutime, cstime (fields 14-17 of proc(5)), in ticks of 1/100 s
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (withEndedChildren) {
                    ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                }
                return ticks / 100.0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private void awaitReady(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the jar exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(
                            "actuator/health/readiness"))).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        readySeconds = (System.nanoTime() - startNanos) / 1e9;
                        readyCpu = cpu();
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not ready within " + timeout + "; see " + log);
        }

        void awaitLog(String regex, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!logged(regex).equals("(not logged)")) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("no log line " + regex + " within " + timeout + "; see " + log);
        }

        /** The first console line matching {@code regex}, from the match on, with its time stamp. */
        String logged(String regex) {
            Pattern pattern = Pattern.compile(regex);
            try {
                for (String line : Files.readAllLines(log)) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return (line.length() >= 23 ? line.substring(11, 23) + " " : "") + matcher.group();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "(not logged)";
        }

        /** The log lines that mark the start-up's phases, with their times. */
        String timeline() {
            StringBuilder out = new StringBuilder();
            for (String pattern : List.of("Starting Application .*", "Starting embedded PostgreSQL.*",
                    "Database: EMBEDDED PostgreSQL.*", "Successfully validated \\d+ migrations.*",
                    "Current version of schema.*", "Schema .* is up to date.*", "Tomcat started on port.*",
                    "Started Application in.*", "Start-up: .*", "Demo model .* registered .*",
                    "Inference worker started.*")) {
                String line = logged(pattern);
                if (!line.equals("(not logged)")) {
                    out.append("    ").append(line, 0, Math.min(line.length(), 150)).append('\n');
                }
            }
            return out.toString();
        }

        Heap heap() throws IOException, InterruptedException {
            long best = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 3; i++) {
                jcmd("GC.run");
                Thread.sleep(500);
                Matcher matcher = HEAP.matcher(jcmd("GC.heap_info"));
                if (matcher.find()) {
                    best = Math.min(best, Long.parseLong(matcher.group(2)) * 1024);
                }
                max = Math.max(max, Runtime.getRuntime().maxMemory());
            }
            String flags = jcmd("VM.flags");
            Matcher maxHeap = Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
            return new Heap(best, maxHeap.find() ? Long.parseLong(maxHeap.group(1)) : max);
        }

        /** Bytes per class after a full GC ({@code jcmd GC.class_histogram}). */
        Map<String, Long> histogram() throws IOException, InterruptedException {
            Map<String, Long> bytes = new LinkedHashMap<>();
            Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
            for (String line : jcmd("GC.class_histogram").lines().toList()) {
                Matcher matcher = row.matcher(line);
                if (matcher.find()) {
                    bytes.merge(matcher.group(3), Long.parseLong(matcher.group(2)), Long::sum);
                }
            }
            return bytes;
        }

        long rssMiB() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        }

        private String jcmd(String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(2, TimeUnit.MINUTES);
            return output;
        }

        void stop() throws InterruptedException {
            long t0 = System.nanoTime();
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            System.out.printf("server stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
