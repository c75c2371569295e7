package org.dermread.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real browser tests: the application on a random port and Debian's headless Chromium through Selenium
 * (installed by {@code .ci/run}; no driver download). Screenshots of failures land in {@code target/screenshots}.
 */
@DermReadTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestAccounts testAccounts;
    protected WebDriver driver;

    @BeforeEach
    void startBrowser() {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=" + browserLanguage());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", browserLanguage());
        if (downloadFolder() != null) {
            try {
                Files.createDirectories(downloadFolder());
                try (var old = Files.list(downloadFolder())) {
                    for (Path file : old.toList()) {
                        Files.delete(file); // a download left by an earlier run must not pass for this one's
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            prefs.put("download.default_directory", downloadFolder().toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
        }
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Where the browser saves downloads, or null for none. */
    protected Path downloadFolder() {
        return null;
    }

    /** The language the browser asks for (Accept-Language). */
    protected String browserLanguage() {
        return "en-US";
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    protected WebElement waitFor(By by) {
        return waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Removes Vaadin's development-mode tools (the dev-tools badge and Copilot's pop-up), which the test server shows
     * and which can cover the element a test clicks; a production build has neither.
     */
    protected void hideDevelopmentTools() {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('vaadin-dev-tools, copilot-main, vaadin-copilot').forEach(e => e.remove())");
    }

    /**
     * Follows a link (such as a download anchor wrapping a button) by the link's own click, after scrolling it into
     * the window with the development tools removed; a pointer click can land on the wrapped button's shadow part.
     */
    protected void followLink(WebElement anchor) {
        hideDevelopmentTools();
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", anchor);
    }

    /**
     * Signs in through the real login form, once. On a loaded machine the page could still be rendering when the
     * fields were typed into, and a late render emptied them (the form then submitted nothing); so it waits for the
     * Vaadin client to be idle and types again while a field does not hold what was typed. It never submits twice:
     * tests of refused sign-ins count on one attempt each.
     */
    protected void signIn(String username, String password) {
        driver.get(url("login"));
        waitFor(By.cssSelector("input[name=username]"));
        waitUpTo(60).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const f = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + " return !!f && Object.values(f).every(c => !c.isActive || !c.isActive());")));
        for (int attempt = 0; attempt < 5; attempt++) {
            WebElement user = driver.findElement(By.cssSelector("input[name=username]"));
            WebElement secret = driver.findElement(By.cssSelector("input[name=password]"));
            user.clear();
            user.sendKeys(username);
            secret.clear();
            secret.sendKeys(password);
            if (username.equals(user.getDomProperty("value")) && password.equals(secret.getDomProperty("value"))) {
                break;
            }
        }
        driver.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
    }

    /** The browser console's messages so far (errors such as a blocked script or a Content-Security-Policy refusal). */
    protected List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    protected Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
