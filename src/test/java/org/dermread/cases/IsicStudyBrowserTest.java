package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.inference.ExportedModels;
import org.dermread.reading.Phase;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.TestStudy;
import org.dermread.testing.Zips;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
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
 * Issue 17's "done when" in a real browser, as its users take it: a coordinator imports a generated HAM10000-layout
 * folder from the server's study-set folder and uploads an ISIC-2019-layout ZIP, reads which layout each was
 * recognised as, draws a seven-class case set on the ISIC taxonomy by lesions in the designer, creates an AI-assisted
 * study on it, uploads a seven-class model exported by {@code export_model.py} on the models page, runs it and opens
 * the study; one reader reads cases on the reading page (the rest of the answers go through the reading service to
 * keep the test short); the statistician's results page names the ISIC classes and shows the malignant-vs-benign
 * section, and the bundle downloaded from it holds both. Screenshots at 1366x768 land in
 * {@code target/screenshots/isic-*}.
 */
class IsicStudyBrowserTest extends BrowserTest {

    private static final List<String> SEVEN = ExportedModels.ISIC_SEVEN;
    private static final Path DOWNLOADS = Path.of("target", "downloads", "isic-flow");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    JdbcClient jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Path hamFolder = Path.of("study-sets", ".test-ham10000-browser-" + suffix);

    @Override
    protected Path downloadFolder() {
        return DOWNLOADS;
    }

    @AfterEach
    void removeTheGeneratedFolder() throws IOException {
        if (Files.exists(hamFolder)) {
            try (Stream<Path> files = Files.walk(hamFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void an_isic_study_from_the_public_layouts_to_the_results_shows_the_isic_names_and_malignant_versus_benign()
            throws Exception {
        try {
            wholeFlow();
        } catch (RuntimeException | AssertionError e) {
            shot("isic-failure");
            consoleMessages().forEach(message -> System.out.println("browser console: " + message));
            throw e;
        }
    }

    private void wholeFlow() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 768));
        Account coordinator = testAccounts.create("isic-browser-coord", Role.COORDINATOR);
        signIn(coordinator.username(), TestAccounts.PASSWORD);
        waitFor(By.id("coordinator-home"));

        // 1. The two public layouts: a HAM10000 folder on the server, an ISIC 2019 ZIP from the coordinator's disk.
        PublicSetFixture.ham10000(3).writeFolder(hamFolder);
        Path isicZip = Path.of("target", "isic-2019-browser-" + suffix + ".zip");
        Files.createDirectories(isicZip.getParent());
        Files.write(isicZip, PublicSetFixture.isic2019(2).zip());

        driver.get(url("coordinator/import"));
        type(waitFor(By.cssSelector("#import-folder input")), hamFolder.toString());
        click(By.id("import-folder-button"));
        waitForAttribute("import-report", "data-outcome", "imported");
        assertThat(attribute("import-report", "data-layout")).isEqualTo("ham10000");
        assertThat(textOf("import-layout")).startsWith("Recognised layout: HAM10000");
        // 3 lesions of each of 7 classes, the first of each with two images
        assertThat(textOf("import-outcome")).contains("28 cases");
        assertThat(textOf("import-taxonomy")).startsWith("Taxonomy: ISIC").contains("(isic, ");
        shot("isic-import-ham10000-1366x768");

        upload(isicZip);
        waitUpTo(120).until(d -> "isic2019".equals(attribute("import-report", "data-layout")));
        waitForAttribute("import-report", "data-outcome", "imported");
        assertThat(textOf("import-layout")).contains("ISIC 2019");
        // 2 lesions of each of 8 classes, the UNK row skipped
        assertThat(textOf("import-outcome")).contains("16 cases");
        assertThat(textOf("import-skipped")).contains("1");
        shot("isic-import-isic2019-1366x768");
        List<Long> sources = jdbc.sql("select id from case_source where taxonomy = 'isic' order by id desc limit 2")
                .query(Long.class).list();
        assertThat(sources).hasSize(2);

        // 2. The designer: the ISIC taxonomy, both new sources, the seven classes, 4 lesions each, one image a lesion.
        String caseSetName = "ISIC seven by lesion " + suffix;
        driver.get(url("coordinator/case-sets/new"));
        type(waitFor(By.cssSelector("#case-set-name input")), caseSetName);
        choose("case-set-taxonomy", "(isic,");
        for (long source : sources) {
            String name = jdbc.sql("select name from case_source where id = :id").param("id", source)
                    .query(String.class).single();
            chooseInComboBox("case-set-sources", name);
        }
        waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                By.cssSelector("#case-set-labels vaadin-checkbox")).stream().anyMatch(c -> c.getText()
                        .startsWith("MEL")));
        for (WebElement checkbox : driver.findElements(By.cssSelector("#case-set-labels vaadin-checkbox"))) {
            String code = checkbox.getText().split(" ")[0];
            if (SEVEN.contains(code)) {
                WebElement box = checkbox.findElement(By.cssSelector("input"));
                script("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
        }
        setNumber("per-class", "4");
        setNumber("images-per-lesion", "1");
        setNumber("sampling-seed", "17");
        click(By.id("draw-cases"));
        waitUpTo(60).until(ExpectedConditions.textToBe(By.id("chosen-total"), "28 cases in 7 classes"));
        shot("isic-designer-1366x768");
        click(By.id("save-case-set"));
        waitFor(By.id("case-sets-view"));
        long caseSetId = jdbc.sql("select id from case_set where name = :n").param("n", caseSetName)
                .query(Long.class).single();
        List<Map<String, Object>> members = jdbc.sql("""
                        select c.diagnosis, c.source_id, c.lesion_id from case_set_member m
                          join clinical_case c on c.id = m.case_id where m.case_set_id = :s""")
                .param("s", caseSetId).query().listOfRows();
        assertThat(members).hasSize(28);
        assertThat(members.stream().map(m -> m.get("source_id") + "/" + m.get("lesion_id")).distinct().count())
                .as("no lesion twice").isEqualTo(28);
        assertThat(members).allSatisfy(m -> assertThat(sources).contains(((Number) m.get("source_id")).longValue()));
        assertThat(jdbc.sql("select taxonomy from case_set where id = :s").param("s", caseSetId)
                .query(String.class).single()).isEqualTo("isic");

        // 3. An AI-assisted study on the case set.
        String studyName = "ISIC seven-class browser study " + suffix;
        driver.get(url("coordinator/studies/new"));
        type(waitFor(By.cssSelector("#study-name input")), studyName);
        choose("study-case-set", caseSetName);
        waitUpTo(30).until(d -> d.findElement(By.id("study-labels")).getText().contains("melanoma"));
        WebElement ai = driver.findElement(By.cssSelector("#study-ai input"));
        if (!ai.isSelected()) {
            script("arguments[0].scrollIntoView({block: 'center'})", ai);
            ai.click();
        }
        click(By.id("save-study"));
        waitForAttribute("study-editor", "data-status", "DRAFT");
        long studyId = jdbc.sql("select id from study where name = :n").param("n", studyName).query(Long.class)
                .single();
        assertThat(jdbc.sql("select diagnosis from study_label where study_id = :id order by position")
                .param("id", studyId).query(String.class).list()).containsExactlyElementsOf(SEVEN);

        // 4. The seven-class model from export_model.py, uploaded on the models page, and run over the study.
        ExportedModels.Exported isic7 = ExportedModels.tinyIsic();
        driver.get(url("inference/models"));
        waitFor(By.id("inference-model-grid"));
        uploadFiles("inference-upload", isic7.pt(), isic7.json());
        waitUpTo(60).until(d -> d.findElements(By.cssSelector("#inference-upload vaadin-upload-file[complete]"))
                .size() == 2);
        shot("isic-models-uploaded-1366x768");
        click(By.id("inference-register-upload"));
        String modelLabel = "test-tiny-isic7 test";
        // registered afresh, or already registered by another test of this JVM: the same message either way
        waitUpTo(120).until(d -> String.valueOf(script("return Array.from(document.querySelectorAll("
                + "'vaadin-notification-card')).map(c => c.textContent).join(' | ')")).contains("Model "
                        + modelLabel + " registered."));
        shot("isic-models-registered-1366x768");
        // the grid redraws its rows when it is in view; the page is scrolled down to the upload
        script("document.getElementById('inference-model-grid').scrollIntoView({block: 'start'})");
        waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("inference-model-grid"),
                "test-tiny-isic7"));

        driver.get(url("inference/study/" + studyId));
        waitFor(By.id("inference-model-select"));
        choose("inference-model-select", modelLabel);
        click(By.id("inference-run"));
        waitUpTo(180).until(ExpectedConditions.textToBePresentInElementLocated(By.id("inference-progress-text"),
                "Done · 28 of 28 cases"));
        assertThat(jdbc.sql("""
                        select count(*) from study_case_prediction p join inference_model m on m.sha256 = p.model_sha256
                         where p.study_id = :s and m.name = 'test-tiny-isic7'""").param("s", studyId)
                .query(Long.class).single()).isEqualTo(28);

        driver.get(url("coordinator/studies/" + studyId));
        click(By.id("open-study"));
        click(By.cssSelector("vaadin-button[slot='confirm-button']"));
        waitForAttribute("study-editor", "data-status", "OPEN");

        // 5. Readers: one on the reading page for three cases, then everyone's remaining answers by the service.
        List<Long> caseIds = jdbc.sql("select case_id from case_set_member where case_set_id = :s order by case_id")
                .param("s", caseSetId).query(Long.class).list();
        Map<Long, String> truth = new HashMap<>();
        jdbc.sql("select id, diagnosis from clinical_case where id in (:ids)").param("ids", caseIds)
                .query(rs -> {
                    truth.put(rs.getLong("id"), rs.getString("diagnosis"));
                });
        TestStudy study = new TestStudy(studyId, caseSetId, caseIds, truth, SEVEN);
        long[] participations = new long[3];
        Account[] readers = new Account[3];
        for (int r = 0; r < 3; r++) {
            readers[r] = testAccounts.create("isic-browser-reader", Role.READER);
            studies.giveProfile(readers[r], 2 + 7 * r);
            participations[r] = studies.invite(study, readers[r], 900 + r);
        }
        Account firstReader = readers[0];
        long firstParticipation = participations[0];

        driver.manage().deleteAllCookies();
        signIn(firstReader.username(), TestAccounts.PASSWORD);
        waitFor(By.id("reader-home"));
        driver.get(url("reading/" + firstParticipation + "/unaided"));
        waitFor(By.id("reading-view"));
        for (String code : SEVEN) {
            assertThat(driver.findElement(By.id("option-" + code)).getText()).as("the button of " + code)
                    .isNotBlank();
        }
        assertThat(driver.findElement(By.id("answer-options")).getText()).contains("melanoma")
                .contains("vascular lesion");
        shot("isic-reading-1366x768");
        List<String> browserAnswers = List.of("MEL", "NV", "BCC");
        for (int i = 0; i < browserAnswers.size(); i++) {
            waitUpTo(30).until(ExpectedConditions.textToBe(By.id("reading-progress-text"),
                    "Case " + (i + 1) + " of 28"));
            click(By.id("option-" + browserAnswers.get(i)));
            waitForPressed("option-" + browserAnswers.get(i));
            click(By.id("save-answer"));
        }
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("reading-progress-text"), "Case 4 of 28"));
        assertThat(jdbc.sql("select diagnosis from answer where participation_id = :p order by answered_at, id")
                .param("p", firstParticipation).query(String.class).list()).isEqualTo(browserAnswers);

        for (int r = 0; r < 3; r++) {
            int seat = r;
            readings.readAll(readers[r], participations[r], (caseId, i, phase) -> {
                String right = truth.get(caseId);
                boolean correct = (i + seat) % (phase == Phase.AIDED ? 4 : 3) != 0;
                return correct ? right : SEVEN.get((SEVEN.indexOf(right) + 1 + seat) % SEVEN.size());
            }, Phase.UNAIDED, Phase.AIDED);
        }
        assertThat(jdbc.sql("select count(*) from answer a join participation p on p.id = a.participation_id"
                + " where p.study_id = :s").param("s", studyId).query(Long.class).single()).isEqualTo(3 * 2 * 28);

        // 6. The statistician: ISIC names, the malignant-vs-benign section, the bundle.
        Account statistician = testAccounts.create("isic-browser-stat", Role.STATISTICIAN);
        driver.manage().deleteAllCookies();
        signIn(statistician.username(), TestAccounts.PASSWORD);
        waitFor(By.id("results-studies"));
        driver.get(url("results/" + studyId));
        waitUpTo(180).until(ExpectedConditions.visibilityOfElementLocated(By.id("first-table-unaided")));
        String firstTable = driver.findElement(By.id("first-table-unaided")).getText();
        assertThat(firstTable).contains("MEL · melanoma", "NV · melanocytic nevus", "BCC · basal cell carcinoma",
                "VASC · vascular lesion", "BKL · benign keratosis");
        String grouped = driver.findElement(By.id("grouped-results")).getText();
        assertThat(grouped).contains("MEL, BCC, AKIEC").contains("NV, BKL, DF, VASC");
        assertThat(driver.findElement(By.id("grouped-table-unaided")).getText()).startsWith("Group")
                .contains("malignant").contains("benign").contains("%");
        assertThat(driver.findElement(By.id("grouped-table-aided")).getText()).contains("malignant");
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("NaN").doesNotContain("Infinity");
        screenshotsOfTheResults();

        followLink(driver.findElement(By.id("download-bundle")));
        Map<String, byte[]> bundle = Zips.unzip(Files.readAllBytes(waitForDownload(".zip")));
        String labels = new String(bundle.get("labels.csv"), StandardCharsets.UTF_8);
        assertThat(labels).contains("MEL,melanoma,黑色素瘤,malignant", "VASC,vascular lesion,血管性病变,benign");
        JsonNode grouping = JSON.readTree(bundle.get("analysis.json")).get("grouping");
        assertThat(JSON.convertValue(grouping.get("groups"), Map.class)).isEqualTo(Map.of(
                "malignant", List.of("MEL", "BCC", "AKIEC"), "benign", List.of("NV", "BKL", "DF", "VASC")));
        JsonNode metrics = JSON.readTree(bundle.get("metrics.json"));
        assertThat(metrics.path("grouped").path("study").path("labels").toString())
                .isEqualTo("[\"malignant\",\"benign\"]");
        assertThat(metrics.path("grouped").path("phases").size()).isEqualTo(2);
        Document report = Jsoup.parse(new String(bundle.get("report.html"), StandardCharsets.UTF_8));
        assertThat(report.text()).contains("melanoma", "vascular lesion");
        assertThat(report.getElementById("table-grouped-unaided")).as("the report's malignancy table").isNotNull();
        assertThat(report.getElementById("table-grouped-unaided").text()).contains("malignant", "benign");
        assertThat(bundle).containsKey("plots/roc-panel-unaided.svg");
        assertThat(new String(bundle.get("plots/roc-panel-unaided.svg"), StandardCharsets.UTF_8))
                .contains("melanoma");
    }

    /** The results page at 1366x768: the top, the first table, the malignancy section. */
    private void screenshotsOfTheResults() {
        driver.manage().window().setSize(new Dimension(1366, 768));
        script("window.scrollTo(0, 0)");
        shot("isic-results-top-1366x768");
        for (String id : List.of("first-table-unaided", "grouped-results", "roc-image")) {
            waitFor(By.id(id));
            script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
            shot("isic-results-" + id + "-1366x768");
        }
    }

    private Path waitForDownload(String extension) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                var done = files.filter(path -> path.toString().endsWith(extension)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("nothing downloaded");
    }

    private Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(js, arguments);
    }

    private void shot(String name) {
        hideDevelopmentTools();
        screenshot(name);
    }

    private String attribute(String id, String attribute) {
        return (String) script("const e = document.getElementById(arguments[0]); "
                + "return e && e.getAttribute(arguments[1]);", id, attribute);
    }

    private void waitForAttribute(String id, String attribute, String value) {
        waitUpTo(120).until(d -> value.equals(attribute(id, attribute)));
    }

    private String textOf(String id) {
        return String.valueOf(script("const e = document.getElementById(arguments[0]); "
                + "return e && e.textContent.trim();", id));
    }

    private void waitForPressed(String id) {
        waitUpTo(20).until(d -> "true".equals(attribute(id, "aria-pressed")));
    }

    /** Clicks like a user who first scrolls the element into view; finds it anew if a redraw replaced it. */
    private void click(By by) {
        hideDevelopmentTools();
        waitFor(by);
        waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(by);
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
            } catch (ElementClickInterceptedException coveredByANotification) {
                script("arguments[0].click()", element);
            }
            return true;
        });
    }

    /** Opens a select and picks the item whose text contains the given text. */
    private void choose(String selectId, String itemText) {
        click(By.id(selectId));
        // an option of the open overlay, not the item that shows the select's current value
        WebElement item = waitFor(By.xpath("//vaadin-select-item[@role='option' and contains(normalize-space(.), '"
                + itemText + "')]"));
        item.click();
        waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-select-overlay")));
    }

    /** Types a name into a multi-select combo box's filter and picks the matching item. */
    private void chooseInComboBox(String id, String itemText) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(itemText);
        WebElement item = waitFor(By.xpath("//vaadin-multi-select-combo-box-item[contains(normalize-space(.), '"
                + itemText + "')]"));
        Number before = (Number) script("return document.getElementById(arguments[0]).selectedItems.length", id);
        item.click();
        waitUpTo(10).until(d -> ((Number) script("return document.getElementById(arguments[0]).selectedItems.length",
                id)).intValue() == before.intValue() + 1);
        input.sendKeys(Keys.ESCAPE);
    }

    private void setNumber(String id, String value) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    private void upload(Path file) {
        uploadFiles("zip-upload", file);
    }

    /** Hands files to a vaadin-upload's file input, as choosing them in the file dialog does. */
    private void uploadFiles(String uploadId, Path... files) {
        WebElement upload = waitFor(By.id(uploadId));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")) : light.get(0);
        script("arguments[0].style.display='block'; arguments[0].removeAttribute('hidden');", input);
        input.sendKeys(String.join("\n", Stream.of(files).map(f -> f.toAbsolutePath().toString()).toList()));
        script("arguments[0].style.display='none';", input);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }
}
