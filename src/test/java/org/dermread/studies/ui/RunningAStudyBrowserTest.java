package org.dermread.studies.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.LoginThrottle;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 in a real browser: a coordinator who chooses Chinese on the sign-in page keeps it on the account (and
 * {@code <html lang>} follows), creates readers and downloads their credentials once, and follows their progress;
 * an administrator sees a locked-out reader and lifts the delay. Screenshots of each page in both languages at
 * 1366x768 and 768x1024 land in {@code target/screenshots/issue14-*}.
 */
class RunningAStudyBrowserTest extends BrowserTest {

    private static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
    private static final Path DOWNLOADS = Path.of("target", "downloads-issue14");

    @Autowired
    TestStudies studies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginThrottle throttle;

    @Override
    protected Path downloadFolder() {
        return DOWNLOADS;
    }

    @Test
    void a_coordinator_in_chinese_creates_readers_downloads_their_credentials_once_and_follows_their_progress()
            throws Exception {
        Account coordinator = testAccounts.create("browser-mon", Role.COORDINATOR);
        TestStudy study = studies.openStudy(coordinator, 4, LABELS, TestStudies.Options.defaults());
        studies.inviteNewReaders(testAccounts, study, 1, "browser-invited", 7L);

        driver.get(url("login"));
        waitFor(By.cssSelector("vaadin-login-form"));
        driver.findElement(By.id("language")).click();
        waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='中文']")).click();
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "皮肤镜阅片研究"));
        signIn(coordinator.username(), TestAccounts.PASSWORD);
        waitFor(By.id("coordinator-home"));

        assertThat(jdbc.sql("select locale from account where id = :id").param("id", coordinator.id().value())
                .query(String.class).single()).isEqualTo("zh-CN");
        waitUpTo(30).until(d -> "zh-CN".equals(script("return document.documentElement.lang")));
        assertThat(driver.findElement(By.id("side-nav")).getText()).contains("研究与病例");

        driver.get(url("coordinator/studies/" + study.studyId()));
        WebElementText list = new WebElementText(waitFor(By.cssSelector("#reader-list textarea")));
        list.type("Li Wei, li.wei." + study.studyId() + "@hospital.cn, 12, 6, yes, CHIEF, TERTIARY_A\n"
                + "Wang Fang, wang.fang." + study.studyId() + ", 3, 1, no, RESIDENT, SECONDARY");
        click("create-readers");
        waitFor(By.id("created-readers"));
        String dialogText = driver.findElement(By.id("created-readers")).getText();
        shotsOfThisPage("credentials-dialog-zh", false);

        click("download-credentials");
        Path file = DOWNLOADS.resolve("reader-credentials.csv");
        waitUpTo(30).until(d -> Files.exists(file));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("login,name,one_time_password");
        for (String line : lines.subList(1, 3)) {
            String password = line.substring(line.lastIndexOf(',') + 1);
            assertThat(password).hasSize(16);
            assertThat(dialogText).contains(password);
        }
        assertThat(lines.get(1)).startsWith("li.wei." + study.studyId() + "@hospital.cn,Li Wei,");

        click("download-credentials");
        Thread.sleep(3000);
        assertThat(downloads()).as("a second download gives nothing").containsExactly("reader-credentials.csv");
        click("close-passwords");

        driver.get(url("coordinator/studies/" + study.studyId() + "/readers"));
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-totals"),
                "未开始：3"));
        assertThat(driver.findElement(By.id("monitor-grid")).getText()).contains("已填写资料").contains("Li Wei");
        shotsOfThisPage("monitor-zh", true);
        jdbc.sql("update account set locale = 'en' where id = :id").param("id", coordinator.id().value()).update();
        driver.navigate().refresh();
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-totals"),
                "Not started: 3"));
        waitUpTo(30).until(d -> "en".equals(script("return document.documentElement.lang")));
        shotsOfThisPage("monitor-en", true);
        driver.get(url("coordinator/studies/" + study.studyId()));
        waitFor(By.id("participant-grid"));
        shotsOfThisPage("study-editor-en", true);
    }

    @Test
    void an_administrator_sees_a_locked_out_reader_and_lifts_the_delay() {
        Account reader = testAccounts.create("browser-locked", Role.READER);
        LoginThrottle.Keys keys = LoginThrottle.keys(reader.username(), "10.14.9.9");
        for (int i = 0; i < 5; i++) {
            throttle.failed(keys);
        }
        // the first delay is 30 s; a slow machine must not see it end before the page shows it
        jdbc.sql("update signin_throttle set blocked_until = now() + interval '15 minutes' where throttle_key = :k")
                .param("k", keys.pair()).update();
        Account admin = testAccounts.create("browser-admin", Role.ADMIN);
        signIn(admin.username(), TestAccounts.PASSWORD);
        waitFor(By.id("accounts-view"));
        assertThat(driver.findElement(By.id("side-nav")).getText()).contains("Studies").contains("Case library")
                .contains("Results");
        new WebElementText(waitFor(By.cssSelector("#accounts-search input"))).type(reader.username());
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("unlock-" + reader.username())));
        shotsOfThisPage("accounts-en", true);

        click("unlock-" + reader.username());
        waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("unlock-" + reader.username())));
        assertThat(throttle.verdict(LoginThrottle.keys(reader.username(), "10.14.9.9")).allowed()).isTrue();

        driver.get(url("admin/audit"));
        waitFor(By.id("audit-grid"));
        shotsOfThisPage("audit-en", true);
        jdbc.sql("update account set locale = 'zh-CN' where id = :id").param("id", admin.id().value()).update();
        driver.get(url("admin/audit"));
        waitUpTo(30).until(d -> "zh-CN".equals(script("return document.documentElement.lang")));
        waitFor(By.id("audit-grid"));
        assertThat(driver.findElement(By.id("audit-view")).getText()).contains("解除登录延迟");
        shotsOfThisPage("audit-zh", true);
        driver.get(url("accounts"));
        waitFor(By.id("accounts-view"));
        shotsOfThisPage("accounts-zh", true);
    }

    private List<String> downloads() throws IOException {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private void click(String id) {
        script("document.querySelectorAll('vaadin-dev-tools, copilot-main').forEach(e => e.remove())");
        waitFor(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); "
                + "arguments[0].click()", driver.findElement(By.id(id)));
    }

    /** Screenshots at 1366x768 and, if asked, 768x1024; the window is put back to 1366x768. */
    private void shotsOfThisPage(String name, boolean tablet) {
        for (Dimension size : tablet ? List.of(new Dimension(1366, 768), new Dimension(768, 1024))
                : List.of(new Dimension(1366, 768))) {
            driver.manage().window().setSize(size);
            waitUpTo(10).pollingEvery(Duration.ofMillis(200)).until(d -> script(
                    "return !document.querySelector('vaadin-connection-indicator[loading]')").equals(true));
            script("document.querySelectorAll('vaadin-dev-tools, copilot-main').forEach(e => e.remove())");
            screenshot("issue14-" + name + "-" + size.getWidth() + "x" + size.getHeight());
        }
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** Types into a text area like a user (the value reaches the server on blur). */
    private record WebElementText(WebElement element) {
        void type(String text) {
            element.clear();
            element.sendKeys(text);
            element.sendKeys(Keys.TAB);
        }
    }
}
