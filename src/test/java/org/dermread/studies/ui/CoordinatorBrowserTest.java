package org.dermread.studies.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new coordinator, in a real browser: uploads a broken ZIP and reads why it was refused, uploads the demo set,
 * designs an 8-class case set, creates a study with two readers and opens it. Then screenshots of every coordinator
 * page in English and Chinese at 1280 and 768 pixels wide (target/screenshots/coordinator-*.png).
 */
class CoordinatorBrowserTest extends BrowserTest {

    private static final List<String> EIGHT = List.of("LP", "Rosa", "VW", "AV", "EAD", "SK", "MN", "BCC");

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_coordinator_imports_the_demo_zip_designs_an_eight_class_case_set_and_opens_a_study_with_two_readers()
            throws IOException {
        try {
            wholeFlow();
        } catch (RuntimeException | AssertionError e) {
            shot("coordinator-failure");
            throw e;
        }
    }

    private void wholeFlow() throws IOException {
        Path demoZip = zipDemoSet();
        Path badZip = badZip();
        Account coordinator = testAccounts.create("browser-coord", Role.COORDINATOR);
        signIn(coordinator.username(), TestAccounts.PASSWORD);
        waitFor(By.id("coordinator-home"));
        shot("coordinator-home-en-1280");

        driver.get(url("coordinator/import"));
        upload(badZip);
        waitForAttribute("import-report", "data-outcome", "refused");
        String problems = driver.findElement(By.id("import-problems")).getText();
        assertThat(problems).contains("manifest.csv, line 2").contains("Unknown diagnosis code \"NOPE\"")
                .contains("set.json");
        shot("coordinator-import-refused-en-1280");

        upload(demoZip);
        waitForAttribute("import-report", "data-outcome", "imported");
        assertThat(driver.findElement(By.id("import-outcome")).getText()).contains("200 cases");
        shot("coordinator-import-done-en-1280");

        driver.get(url("coordinator/cases"));
        waitFor(By.id("case-grid"));
        // other browser tests share this database: the library shows every case stored, the demo set's 200 among them
        long libraryCases = jdbc.sql("select count(*) from clinical_case").query(Long.class).single();
        assertThat(libraryCases).isGreaterThanOrEqualTo(200);
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-total"),
                libraryCases + " cases"));
        shot("coordinator-library-en-1280");

        driver.get(url("coordinator/case-sets/new"));
        type(waitFor(By.cssSelector("#case-set-name input")), "Eight classes, 10 each");
        for (WebElement checkbox : driver.findElements(By.cssSelector("#case-set-labels vaadin-checkbox"))) {
            String code = checkbox.getText().split(" ")[0];
            if (EIGHT.contains(code)) {
                checkbox.findElement(By.cssSelector("input")).click();
            }
        }
        WebElement perClass = driver.findElement(By.cssSelector("#per-class input"));
        perClass.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10", Keys.TAB);
        WebElement seed = driver.findElement(By.cssSelector("#sampling-seed input"));
        seed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026", Keys.TAB);
        click(By.id("draw-cases"));
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("chosen-total"), "80 cases in 8 classes"));
        shot("coordinator-designer-en-1280");
        click(By.id("save-case-set"));
        waitFor(By.id("case-sets-view"));
        assertThat(driver.findElement(By.id("case-set-grid")).getText()).contains("10 per class, seed 2026");

        driver.get(url("coordinator/studies/new"));
        type(waitFor(By.cssSelector("#study-name input")), "Browser study");
        click(By.id("save-study"));
        waitForAttribute("study-editor", "data-status", "DRAFT");
        waitFor(By.id("open-study"));
        assertThat(textOf("study-status")).isEqualTo("Draft");

        long suffix = System.nanoTime() % 1_000_000;
        type(driver.findElement(By.cssSelector("#reader-list textarea")),
                "Li Wei, liwei" + suffix + ", 12, 6, yes, CHIEF, TERTIARY_A\n"
                        + "Zhang Min, zhang.min." + suffix + "@example.org, 2, 1, no, RESIDENT, SECONDARY");
        click(By.id("create-readers"));
        waitFor(By.id("created-readers"));
        shot("coordinator-reader-passwords-en-1280");
        click(By.id("close-passwords"));
        waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("created-readers")));
        waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> {
            String readers = d.findElement(By.id("participant-grid")).getText();
            return readers.contains("liwei" + suffix) && readers.contains("zhang.min." + suffix + "@example.org");
        });

        click(By.id("open-study"));
        click(By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitForAttribute("study-editor", "data-status", "OPEN");
        assertThat(textOf("study-status")).isEqualTo("Open");
        assertThat(driver.findElements(By.id("save-study"))).isEmpty();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("coordinator-study-open-en-1280");

        long studyId = jdbc.sql("select id from study where name = 'Browser study'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from participation where study_id = :id").param("id", studyId)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select s.status = 'OPEN' and c.locked from study s join case_set c on c.id = s.case_set_id"
                + " where s.id = :id").param("id", studyId).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from study_label where study_id = :id").param("id", studyId)
                .query(Long.class).single()).isEqualTo(8);

        screenshotsOfEveryPage(coordinator, studyId);
    }

    private void screenshotsOfEveryPage(Account coordinator, long studyId) {
        long caseId = jdbc.sql("select min(id) from clinical_case").query(Long.class).single();
        long caseSetId = jdbc.sql("select case_set_id from study where id = :id").param("id", studyId)
                .query(Long.class).single();
        List<String> pages = List.of("coordinator", "coordinator/import", "coordinator/cases",
                "coordinator/cases/" + caseId, "coordinator/case-sets", "coordinator/case-sets/" + caseSetId,
                "coordinator/studies", "coordinator/studies/" + studyId);
        for (String locale : List.of("en", "zh-CN")) {
            jdbc.sql("update account set locale = :locale where id = :id").param("locale", locale)
                    .param("id", coordinator.id().value()).update();
            for (int width : List.of(1280, 768)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    driver.get(url(page));
                    waitFor(By.id("coordinator-menu"));
                    waitUpTo(30).until(d -> ((JavascriptExecutor) d).executeScript(
                            "return !document.querySelector('vaadin-connection-indicator[loading]')").equals(true));
                    ((JavascriptExecutor) driver).executeScript(
                            "document.querySelector('vaadin-dev-tools')?.remove()");
                    shot(page.replaceAll("[0-9]+", "detail").replace('/', '-') + "-" + locale + "-" + width);
                }
            }
        }
    }

    /** A screenshot without the development-mode tool bubble, which covers part of the page. */
    private void shot(String name) {
        hideDevTools();
        screenshot(name);
    }

    /**
     * Waits for a state, not for an element: the attribute is read anew by id on every poll, in one script, so an
     * element that a redraw replaces (the study's status badge is) cannot go stale in our hands.
     */
    private void waitForAttribute(String id, String attribute, String value) {
        waitUpTo(120).until(d -> value.equals(((JavascriptExecutor) d).executeScript(
                "const e = document.getElementById(arguments[0]); return e && e.getAttribute(arguments[1]);",
                id, attribute)));
    }

    /** The text of the element with this id, found and read in one script. */
    private String textOf(String id) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const e = document.getElementById(arguments[0]); return e && e.textContent.trim();", id));
    }

    private void hideDevTools() {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('vaadin-dev-tools, copilot-main, vaadin-copilot').forEach(e => e.remove())");
    }

    /**
     * Clicks like a user who first scrolls the element into view; finds it anew if a redraw replaced it in the
     * meantime.
     */
    private void click(By by) {
        hideDevTools();
        waitFor(by);
        waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(by);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
            } catch (ElementClickInterceptedException coveredByANotification) {
                ((JavascriptExecutor) d).executeScript("arguments[0].click()", element);
            }
            return true;
        });
    }

    private void upload(Path zip) {
        WebElement upload = waitFor(By.id("zip-upload"));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.get(0);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].style.display='block'; arguments[0].removeAttribute('hidden');", input);
        input.sendKeys(zip.toAbsolutePath().toString());
        ((JavascriptExecutor) driver).executeScript("arguments[0].style.display='none';", input);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** The committed demo set, zipped as a coordinator would (the folder itself inside the archive). */
    private static Path zipDemoSet() throws IOException {
        Path folder = Path.of("study-sets/demo");
        Path zip = Path.of("target", "demo-study-set.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                archive.putNextEntry(new ZipEntry("demo/" + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, archive);
                archive.closeEntry();
            }
        }
        return zip;
    }

    private static Path badZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write("case_id,image,diagnosis,age,sex,body_site,confirmation\nx-1,images/x-1.jpg,NOPE,,,,\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path zip = Path.of("target", "broken-study-set.zip");
        Files.write(zip, bytes.toByteArray());
        return zip;
    }
}
