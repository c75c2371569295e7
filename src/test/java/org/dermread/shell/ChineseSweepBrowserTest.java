package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.ImportProperties;
import org.dermread.reading.Phase;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role's pages in Chinese, in one real browser: each role signs in with 中文 chosen on the sign-in page and
 * visits its navigation entries and the main pages below them; on each page the visible text (in shadow roots too),
 * placeholders, tooltips ({@code title}) and image descriptions ({@code alt}) are collected, and every run of Latin
 * letters must be a proper name or a code of the allow-list. What people typed or imported (logins, names of
 * studies, sets and sources, case ids, recorded audit details) is data, not a UI string: it is taken from the
 * database and removed before the check, as are file names, URLs and text shown as code. Grid headers must not be
 * cut off. Failures are listed per page, all at once.
 */
class ChineseSweepBrowserTest extends BrowserTest {

    private static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF", "AV", "LP", "Rosa", "VW");
    private static final Path DOWNLOADS = Path.of("target", "downloads", "chinese-sweep");
    /** Proper names, codes, units and abbreviations that a Chinese page writes in Latin letters too. */
    private static final Set<String> ALLOWED = Set.of(
            "DermRead", "AI", "AUC", "ROC", "MRMC", "CI", "CSV", "PNG", "SVG", "PDF", "ZIP", "JPEG", "JSON", "HTML",
            "UTF", "SHA", "ID", "DeLong", "Obuchowski", "Rockette", "Hillis", "DBM", "OR", "Cohen", "Fleiss",
            "McNemar", "Wilcoxon", "iMRMC", "pROC", "DJL", "PyTorch", "CPU", "GPU", "cpu", "gpu", "libtorch", "MKL",
            "EfficientNet", "TorchScript", "NCHW", "RGB", "fp", "bf", "BF", "FP", "AMX", "AVX", "VNNI", "ms", "MB",
            "kB", "GB", "KB", "px", "dpi", "Zhu", "Tschandl", "Haenssle", "Brinker", "et", "al", "Frontiers",
            "Medicine", "TSNE", "SE", "SD", "FPF", "TPF", "Youden", "kappa", "Kappa", "Bootstrap",
            "Clopper", "Pearson", "Wilson", "Nature", "Sci", "Data", "HAM", "ISIC", "SNE", "oneDNN", "ISA", "Python",
            "AMD", "AuthenticAMD", "GenuineIntel", "Intel", "CUDA", "bfloat",
            "LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK", "MN", "Hem", "Pso", "PWS", "BCC",
            // a language's own name in the language menu, and the menu's deliberately bilingual name
            // ("Language / 语言": whoever cannot read the page finds it);
            // the codes a pasted reader list may use
            "English", "Language", "RESIDENT", "ATTENDING", "ASSOCIATE", "CHIEF", "TERTIARY", "SECONDARY", "PRIMARY",
            "PRIVATE",
            "OTHER",
            // taxonomy codes (zhu2021, isic), the CLI's command name, method and author names of the sizing section
            "zhu", "isic", "size", "Berbaum", "Jackknife");
    /** File names, paths, URLs, e-mail addresses, hashes, setting names and environment variables are literal. */
    private static final Pattern LITERAL = Pattern.compile(
            "[\\w./-]*\\.(csv|json|md|zip|png|svg|pdf|jpg|jpeg|pt|imrmc|txt|html|properties|yml)\\b"
                    + "|https?://\\S+|[\\w.+-]+@[\\w.-]+|[\\w.-]+(?:/[\\w.-]+)+|\\b[0-9a-f]{12,}"
                    + "|\\b[a-z]+(?:\\.[a-z-]+){2,}\\b|\\b[A-Z0-9]+(?:_[A-Z0-9]+)+\\b|channels-last");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportProperties importProperties;

    private final Map<String, List<String>> findings = new LinkedHashMap<>();
    private int pagesChecked;

    @Override
    protected Path downloadFolder() {
        return DOWNLOADS;
    }

    @Test
    void every_page_of_every_role_speaks_chinese() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 768));
        Account coordinator = testAccounts.create("zh-coord", Role.COORDINATOR);
        Account statistician = testAccounts.create("zh-stat", Role.STATISTICIAN);
        Account admin = testAccounts.create("zh-admin", Role.ADMIN);
        Account reader = testAccounts.create("zh-reader", Role.READER);
        TestStudy study = studies.openStudy(coordinator, 16, LABELS, Options.defaults().withAidedPhase()
                .withConfidence());
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        for (int r = 0; r < 3; r++) {
            int seat = r;
            Account finished = testAccounts.create("zh-finished", Role.READER);
            studies.giveProfile(finished, 1 + 7 * r);
            long participation = studies.invite(study, finished, 7 + r);
            readings.readAll(finished, participation, new TestReadings.Answerer() {
                @Override
                public String answer(long caseId, int index, Phase phase) {
                    return (index + seat) % 4 != 0 ? study.truth().get(caseId)
                            : LABELS.get((LABELS.indexOf(study.truth().get(caseId)) + 1) % 8);
                }

                @Override
                public Integer confidence(long caseId, int index, Phase phase) {
                    return 1 + (index % 5);
                }
            }, Phase.UNAIDED, Phase.AIDED);
        }
        studies.giveProfile(reader, 6);
        long readerParticipation = studies.invite(study, reader, -8_070_450_532_247_928_832L);
        nameTheDataInChinese(study, coordinator, statistician, admin, reader);

        // the coordinator
        signInWithChineseChosen(coordinator);
        visit("coordinator", By.id("coordinator-steps"));
        visit("coordinator/import", By.id("import-view"));
        shots("import", "zh");
        importFolderWithoutAFolder();
        downloadTheSampleSet();
        visit("coordinator/cases", By.id("case-grid"));
        theCaseLibraryUsesTheScreen("zh");
        visit("coordinator/cases/" + study.caseIds().get(0), By.id("case-fields"));
        shots("case-detail", "zh");
        visit("coordinator/case-sets", By.id("case-set-grid"));
        visit("coordinator/case-sets/" + study.caseSetId(), By.id("case-set-designer"));
        visit("coordinator/studies", By.id("study-grid"));
        visit("coordinator/studies/new", By.id("study-name"));
        visit("coordinator/studies/" + study.studyId(), By.id("participant-grid"));
        assertThat(driver.findElement(By.id("participant-grid")).getText()).contains("90000000…")
                .doesNotContain("-8070450532247928832");
        shots("study-readers", "zh");
        visit("coordinator/studies/" + study.studyId() + "/readers", By.id("monitor-grid"));
        visit("inference", By.id("inference-study-grid"));
        visit("inference/study/" + study.studyId(), By.id("inference-cases"));
        visit("inference/models", By.id("inference-model-grid"));
        visit("statistics", By.id("results-studies"));
        visit("results/" + study.studyId(), By.id("mrmc-table"));
        shots("results", "zh");
        visit("account/password", By.tagName("vaadin-password-field"));

        // the statistician
        signInWithChineseChosen(statistician);
        visit("statistics", By.id("results-studies"));
        resultsListHeadersAreWhole();
        shots("results-list", "zh");
        visit("results/" + study.studyId(), By.id("mrmc-table"));
        visit("coordinator/cases", By.id("case-grid"));

        // the reader
        signInWithChineseChosen(reader);
        visit("reader", By.id("my-studies"));
        visit("reader/profile", By.id("reader-profile"));
        visit("reading/" + readerParticipation + "/unaided", By.id("answer-options"));

        // the administrator
        signInWithChineseChosen(admin);
        visit("accounts", By.id("accounts-view"));
        WebElement search = waitFor(By.cssSelector("#accounts-search input"));
        search.sendKeys(reader.username());
        waitUpTo(30).until(d -> driver.findElement(By.id("accounts-view")).getText().contains(reader.username()));
        check("accounts?search");
        visit("admin/audit", By.id("audit-grid"));
        shots("audit", "zh");
        visit("coordinator", By.id("coordinator-steps"));
        visit("coordinator/studies", By.id("study-grid"));
        visit("coordinator/cases", By.id("case-grid"));
        visit("statistics", By.id("results-studies"));
        visit("inference/models", By.id("inference-model-grid"));

        assertThat(pagesChecked).isGreaterThanOrEqualTo(30);
        englishScreenshots(coordinator, study);
        assertThat(findings).as("untranslated or cut-off UI strings on Chinese pages").isEmpty();
    }

    /** Names people gave (studies, sets, sources, accounts) in Chinese, as a Chinese coordinator would. */
    private void nameTheDataInChinese(TestStudy study, Account... accounts) {
        jdbc.sql("update study set name = '皮肤镜阅片研究（测试）', description = '用于界面检查的研究' where id = :id")
                .param("id", study.studyId()).update();
        jdbc.sql("update case_set set name = '八类病例集', description = null where id = :id")
                .param("id", study.caseSetId()).update();
        String[] names = {"王协调", "李统计", "赵管理", "陈医生"};
        for (int i = 0; i < accounts.length; i++) {
            jdbc.sql("update account set display_name = :name where id = :id").param("name", names[i])
                    .param("id", accounts[i].id().value()).update();
        }
    }

    private void signInWithChineseChosen(Account account) {
        driver.manage().deleteAllCookies();
        driver.get(url("login"));
        waitFor(By.cssSelector("vaadin-login-form"));
        hideDevelopmentTools();
        driver.findElement(By.id("language")).click();
        waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='中文']")).click();
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "皮肤镜阅片研究"));
        check("login (" + account.username() + ")");
        WebElement user = waitFor(By.cssSelector("input[name=username]"));
        user.sendKeys(account.username());
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
        waitFor(By.id("side-nav"));
        waitUpTo(30).until(d -> "zh-CN".equals(script("return document.documentElement.lang")));
        check("landing (" + account.username() + ")");
    }

    private void visit(String path, By ready) {
        driver.get(url(path));
        waitFor(ready);
        check(path);
    }

    /** On a refused import the error is in Chinese and does not cover the form it is about. */
    private void importFolderWithoutAFolder() {
        hideDevelopmentTools();
        script("arguments[0].click()", driver.findElement(By.id("import-folder-button")));
        WebElement card = waitFor(By.cssSelector("vaadin-notification-card"));
        assertThat(card.getText()).isEqualTo("请输入文件夹。");
        check("coordinator/import (error notification)");
        for (String formPart : List.of("import-folder", "import-folder-button", "zip-upload")) {
            assertThat((Boolean) script("""
                    const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
                    return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
                    """, card, driver.findElement(By.id(formPart)))).as("the notification leaves " + formPart
                    + " visible").isTrue();
        }
        script("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
    }

    private void downloadTheSampleSet() throws Exception {
        followLink(driver.findElement(By.id("download-sample-set")));
        Path zip = DOWNLOADS.resolve("dermread-sample-study-set.zip");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(zip) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(zip).exists();
        assertThat(Files.readAllBytes(zip)).startsWith('P', 'K');
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            assertThat(files.filter(file -> file.toString().endsWith(".crdownload")).toList()).isEmpty();
        }
    }

    /** The changed pages in English too, for people to look at (no check of the language here). */
    private void englishScreenshots(Account coordinator, TestStudy study) {
        jdbc.sql("update account set locale = 'en' where id = :id").param("id", coordinator.id().value()).update();
        driver.manage().deleteAllCookies();
        signIn(coordinator.username(), TestAccounts.PASSWORD);
        waitFor(By.id("side-nav"));
        waitUpTo(30).until(d -> "en".equals(script("return document.documentElement.lang")));
        driver.get(url("coordinator/import"));
        waitFor(By.id("sample-set"));
        shots("import", "en");
        driver.get(url("coordinator/cases"));
        waitFor(By.id("case-grid"));
        theCaseLibraryUsesTheScreen("en");
        driver.get(url("coordinator/cases/" + study.caseIds().get(0)));
        waitFor(By.id("case-fields"));
        shots("case-detail", "en");
        driver.get(url("coordinator/studies/" + study.studyId()));
        waitFor(By.id("participant-grid"));
        shots("study-readers", "en");
        driver.get(url("results/" + study.studyId()));
        waitFor(By.id("mrmc-table"));
        shots("results", "en");
    }

    /** The case library's grid takes the height the window leaves it, on a laptop and on a portrait tablet. */
    private void theCaseLibraryUsesTheScreen(String language) {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
            driver.manage().window().setSize(size);
            waitUpTo(10).until(d -> ((Number) script("return window.innerWidth")).intValue() == size.getWidth());
            settle();
            double innerHeight = ((Number) script("return window.innerHeight")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> grid = (Map<String, Object>) script("""
                    const r = document.getElementById('case-grid').getBoundingClientRect();
                    return {top: r.top, bottom: r.bottom, height: r.height};
                    """);
            double height = ((Number) grid.get("height")).doubleValue();
            double bottom = ((Number) grid.get("bottom")).doubleValue();
            // the grid reaches down to the window's bottom (within the layout's padding), not beyond it, and shows
            // more than a couple of rows
            if (height < 200 || bottom > innerHeight + 4 || bottom < innerHeight - 40) {
                findings.computeIfAbsent("coordinator/cases at " + size, page -> new ArrayList<>()).add(
                        "case grid from " + grid.get("top") + " to " + bottom + " px, window " + innerHeight + " px");
            }
            screenshotInto("case-library", language, size);
        }
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** Screenshots of the page at 1366x768 and 768x1024; the window is put back to 1366x768. */
    private void shots(String name, String language) {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
            driver.manage().window().setSize(size);
            settle();
            screenshotInto(name, language, size);
        }
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    private void screenshotInto(String name, String language, Dimension size) {
        hideDevelopmentTools();
        screenshot("r14b-" + name + "-" + language + "-" + size.getWidth() + "x" + size.getHeight());
    }

    private void settle() {
        waitUpTo(30).pollingEvery(Duration.ofMillis(100)).until(d -> Boolean.TRUE.equals(script("""
                return !document.querySelector('vaadin-connection-indicator[loading]')
                    && ![...document.querySelectorAll('vaadin-grid')].some(g => g.hasAttribute('loading'));
                """)));
    }

    /** The Chinese header of the results list's readers column is shown whole. */
    private void resultsListHeadersAreWhole() {
        assertThat(driver.findElement(By.id("results-studies")).getText()).contains("阅片医师（已完成 / 已邀请）");
    }

    /** Collects the page's text and reports every Latin word that is not allowed, and every cut-off grid header. */
    private void check(String page) {
        hideDevelopmentTools();
        settle();
        pagesChecked++;
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) script(COLLECT);
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) script(CUT_HEADERS);
        List<String> data = dataStrings();
        // a diagnosis code is the same in both languages, whichever taxonomy the tests of this database imported
        Set<String> codes = new HashSet<>(jdbc.sql("select code from diagnosis").query(String.class).list());
        Set<String> problems = new LinkedHashSet<>();
        for (String text : texts) {
            // literals first, in the text and in the data alike, so that a path or hash inside a datum still matches
            String rest = literal(text);
            for (String value : data) {
                rest = rest.replace(literal(value), " ");
            }
            Matcher words = WORD.matcher(rest);
            while (words.find()) {
                if (!ALLOWED.contains(words.group()) && !codes.contains(words.group())) {
                    problems.add("'" + words.group() + "' in: " + text.strip());
                }
            }
        }
        cut.forEach(header -> problems.add("grid header cut off: " + header));
        if (!problems.isEmpty()) {
            findings.put(page, new ArrayList<>(problems));
            System.out.println("Chinese sweep, " + page + ": " + String.join(" | ", problems));
            screenshot("chinese-sweep-" + page.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    private static String literal(String text) {
        return LITERAL.matcher(text).replaceAll(" ");
    }

    /** What people typed or imported, longest first (so "Test study 12" goes before "Test study 1"). */
    private List<String> dataStrings() {
        List<String> values = jdbc.sql("""
                select username from account union select display_name from account
                union select name from study union select description from study
                union select name from case_set union select description from case_set
                union select name from case_source union select source from case_source
                union select description from case_source union select external_id from clinical_case
                union select name from inference_model union select version from inference_model
                union select architecture from inference_model
                union select detail from audit_event
                union select actor from audit_event
                """).query(String.class).list().stream().filter(value -> value != null && value.length() > 1)
                .collect(Collectors.toCollection(ArrayList::new));
        importProperties.folderRoots().forEach(root -> values.add(root.toString()));
        values.sort(Comparator.comparingInt(String::length).reversed());
        return values;
    }

    private Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(js, arguments);
    }

    /**
     * Visible text nodes, in light DOM and in every shadow root, and the placeholder, title and alt attributes of
     * visible elements; text inside code, pre, style and script is left out.
     */
    private static final String COLLECT = """
            const out = [];
            const skip = new Set(['CODE', 'PRE', 'STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT']);
            function visible(el) {
              return el.checkVisibility ? el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
                  : el.offsetParent !== null;
            }
            function walk(node, hiddenAbove) {
              if (node.nodeType === Node.TEXT_NODE) {
                const text = node.textContent.trim();
                const parent = node.parentElement || (node.parentNode && node.parentNode.host);
                if (text && parent && !hiddenAbove && visible(parent)) out.push(text);
                return;
              }
              if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
              if (node.nodeType === Node.ELEMENT_NODE) {
                if (skip.has(node.tagName)) return;
                if (node.tagName === 'VAADIN-DEV-TOOLS' || node.tagName.startsWith('COPILOT')) return;
                if (visible(node)) {
                  for (const attribute of ['placeholder', 'title', 'alt']) {
                    const value = node.getAttribute(attribute);
                    if (value && value.trim()) out.push(value.trim());
                  }
                }
                if (node.shadowRoot) walk(node.shadowRoot, hiddenAbove);
              }
              for (const child of node.childNodes) walk(child, hiddenAbove);
            }
            walk(document.body, false);
            out.push(document.title);
            return out;
            """;

    /** Grid header cells whose text is wider than the cell (cut off with an ellipsis). */
    private static final String CUT_HEADERS = """
            const cut = [];
            for (const grid of document.querySelectorAll('vaadin-grid')) {
              if (!grid.checkVisibility()) continue;
              for (const cell of grid.shadowRoot.querySelectorAll('thead th')) {
                const slot = cell.querySelector('slot');
                const content = slot && slot.assignedElements()[0];
                if (!content || !content.textContent.trim()) continue;
                const inner = content.querySelector('vaadin-grid-sorter') || content;
                if (inner.scrollWidth > inner.clientWidth + 1) {
                  cut.push((grid.id || 'grid') + ': ' + content.textContent.trim());
                }
              }
            }
            return cut;
            """;
}
