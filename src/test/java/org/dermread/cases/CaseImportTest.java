package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.internal.StudySetValidator;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Imports through the real service and database. Each refusal is checked for its problem (file, line, reason) and
 * for leaving every table exactly as it was.
 */
@DermReadTest
class CaseImportTest {

    @Autowired
    CaseLibraryService library;
    @Autowired
    StudySetImportCommand command;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @BeforeEach
    void signInAsCoordinator() {
        SignedIn.as(accounts.create("importer", Role.COORDINATOR));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void imports_a_valid_zip_with_every_case_and_its_clinical_fields() {
        StudySetFixture set = StudySetFixture.valid(3, "MN", "BCC");

        ImportResult result = library.importZip(new ByteArrayInputStream(set.zip()), "set.zip");

        assertThat(result.alreadyPresent()).isFalse();
        assertThat(result.cases()).isEqualTo(6);
        List<LibraryCase> cases = library.cases(new CaseFilter(Set.of(), Set.of(result.sourceId())));
        assertThat(cases).hasSize(6);
        assertThat(cases).extracting(LibraryCase::diagnosis).containsExactly("MN", "MN", "MN", "BCC", "BCC", "BCC");
        assertThat(cases.get(0).bodySite()).isEqualTo("face, left cheek");
        assertThat(cases.get(0).age()).isEqualTo(42);
        assertThat(cases.get(0).confirmation()).isEqualTo("histopathology");
        assertThat(library.countsPerClass(new CaseFilter(Set.of(), Set.of(result.sourceId()))))
                .containsExactly(Map.entry("MN", 3), Map.entry("BCC", 3));
    }

    @Test
    void a_zip_of_the_set_folder_itself_is_accepted_too() {
        StudySetFixture set = StudySetFixture.valid(2, "SK");
        Map<String, byte[]> nested = new LinkedHashMap<>();
        set.all().forEach((path, bytes) -> nested.put("myset/" + path, bytes));
        nested.put("myset/README.md", "notes for people".getBytes(StandardCharsets.UTF_8));

        ImportResult result = library.importZip(new ByteArrayInputStream(StudySetFixture.zip(nested)), "set.zip");

        assertThat(result.cases()).isEqualTo(2);
    }

    @Test
    void stored_image_bytes_are_served_back_unchanged() {
        StudySetFixture set = StudySetFixture.valid(1, "DF");
        set.files.put("images/t-1.png", StudySetFixture.jpeg("a jpeg this time"));
        byte[] original = set.files.get("images/t-1.png");

        long source = library.importZip(new ByteArrayInputStream(set.zip()), "set.zip").sourceId();

        LibraryCase stored = library.cases(new CaseFilter(Set.of(), Set.of(source))).get(0);
        CaseImage image = library.image(stored.imageSha256());
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.bytes()).isEqualTo(original);
        assertThat(StudySetValidator.sha256(image.bytes())).isEqualTo(StudySetValidator.sha256(original))
                .isEqualTo(stored.imageSha256());
        assertThat(stored.width()).isEqualTo(32);
        assertThat(stored.height()).isEqualTo(24);
    }

    @Test
    void importing_the_same_set_again_changes_nothing() {
        byte[] zip = StudySetFixture.valid(2, "LP", "AV").zip();
        ImportResult first = library.importZip(new ByteArrayInputStream(zip), "set.zip");
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        ImportResult again = library.importZip(new ByteArrayInputStream(zip), "again.zip");

        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again.sourceId()).isEqualTo(first.sourceId());
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void the_demo_folder_imports_with_twenty_cases_of_each_of_its_ten_classes_and_only_once() {
        ImportResult first = library.importFolder(Path.of("study-sets/demo"));
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        ImportResult second = library.importFolder(Path.of("study-sets/demo"));

        assertThat(first.cases()).isEqualTo(200);
        assertThat(second.alreadyPresent()).isTrue();
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
        Map<String, Integer> counts = library.countsPerClass(new CaseFilter(Set.of(), Set.of(first.sourceId())));
        assertThat(counts).hasSize(10).allSatisfy((code, n) -> assertThat(n).isEqualTo(20));
        assertThat(library.sources()).anySatisfy(source -> {
            assertThat(source.id()).isEqualTo(first.sourceId());
            assertThat(source.synthetic()).isTrue();
        });
    }

    @Test
    void the_web_may_only_import_folders_under_the_configured_roots() {
        Path folder = StudySetFixture.valid(1, "MN").writeFolder(temp);
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> library.importFolder(folder))
                .isInstanceOf(CaseLibraryException.class)
                .hasMessageContaining("cases.import.error.folder-not-allowed");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void the_command_line_imports_any_folder() {
        SignedIn.nobody();
        Path folder = StudySetFixture.valid(2, "Hem").writeFolder(temp);

        ImportResult result = command.importFolder(folder);

        assertThat(result.cases()).isEqualTo(2);
        assertThat(command.importFolder(folder).alreadyPresent()).isTrue();
    }

    @Test
    void a_reader_may_neither_import_nor_see_the_library_or_its_images() {
        Account reader = accounts.create("reader", Role.READER);
        SignedIn.as(reader);
        byte[] zip = StudySetFixture.valid(1, "MN").zip();

        assertThatThrownBy(() -> library.importZip(new ByteArrayInputStream(zip), "x.zip"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.cases(CaseFilter.ALL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.image("0".repeat(64))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.countsPerClass(CaseFilter.ALL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_statistician_may_look_at_the_library_but_not_import() {
        SignedIn.as(accounts.create("stat", Role.STATISTICIAN));
        byte[] zip = StudySetFixture.valid(1, "MN").zip();

        assertThat(library.sources()).isNotNull();
        assertThatThrownBy(() -> library.importZip(new ByteArrayInputStream(zip), "x.zip"))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- refusals: one crafted input each ----

    @Test
    void refuses_a_truncated_jpeg() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        byte[] jpeg = StudySetFixture.image("big", "jpeg", 200, 150);
        set.files.put("images/t-2.png", Arrays.copyOf(jpeg, jpeg.length / 2));

        assertRefused(set.zip(), problem("images/t-2.png", 0, "cases.problem.image-damaged"));
    }

    @Test
    void refuses_a_truncated_png() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        byte[] png = StudySetFixture.image("big png", "png", 200, 150);
        set.files.put("images/t-1.png", Arrays.copyOf(png, png.length - 40));

        assertRefused(set.zip(), problem("images/t-1.png", 0, "cases.problem.image-damaged"));
    }

    @Test
    void refuses_an_image_that_is_not_jpeg_or_png_whatever_its_name() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.files.put("images/t-1.png", StudySetFixture.image("gif", "gif", 32, 24));

        assertRefused(set.zip(), problem("images/t-1.png", 0, "cases.problem.image-format"));
    }

    @Test
    void refuses_an_unknown_diagnosis_code_with_its_line() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.addCase("t-x", "images/t-x.png", "mn", StudySetFixture.png("lowercase"));

        assertRefused(set.zip(), problem("manifest.csv", 4, "cases.problem.diagnosis-unknown"));
    }

    @Test
    void refuses_a_duplicate_case_id() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.addCase("t-1", "images/other.png", "MN", StudySetFixture.png("other"));

        assertRefused(set.zip(), problem("manifest.csv", 4, "cases.problem.case-id-duplicate"));
    }

    @Test
    void refuses_the_same_image_content_under_two_names() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.addCase("t-3", "images/copy.png", "MN", set.files.get("images/t-1.png"));

        assertRefused(set.zip(), problem("images/copy.png", 4, "cases.problem.image-duplicate-content"));
    }

    @Test
    void refuses_a_manifest_row_whose_image_is_missing() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.files.remove("images/t-2.png");

        assertRefused(set.zip(), problem("manifest.csv", 3, "cases.problem.image-missing"));
    }

    @Test
    void refuses_a_file_that_the_manifest_does_not_name() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.files.put("images/stray.png", StudySetFixture.png("stray"));

        assertRefused(set.zip(), problem("images/stray.png", 0, "cases.problem.not-in-manifest"));
    }

    @Test
    void refuses_zip_entries_that_escape_the_folder() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        Map<String, byte[]> entries = set.all();
        entries.put("../evil.png", StudySetFixture.png("evil"));
        entries.put("/etc/evil.png", StudySetFixture.png("evil2"));
        entries.put("images\\..\\..\\evil3.png", StudySetFixture.png("evil3"));

        ImportFailedException refused = assertRefused(StudySetFixture.zip(entries),
                problem("../evil.png", 0, "cases.problem.zip-slip"));
        assertThat(ids(refused)).contains(problem("/etc/evil.png", 0, "cases.problem.zip-slip"),
                problem("images\\..\\..\\evil3.png", 0, "cases.problem.zip-slip"));
        assertThat(Files.exists(Path.of("evil.png"))).isFalse();
    }

    @Test
    void refuses_a_manifest_that_is_not_utf8_and_names_its_line() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.rows.set(1, "t-2,images/t-2.png,MN,30,M,épaule,");
        set.manifestOverride = (StudySetFixture.HEADER + "\n" + String.join("\n", set.rows) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(set.zip(), problem("manifest.csv", 3, "cases.problem.not-utf8"));
    }

    @Test
    void refuses_a_quote_that_is_never_closed() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.rows.set(1, "t-2,images/t-2.png,MN,30,M,\"left arm,");

        assertRefused(set.zip(), problem("manifest.csv", 3, "cases.problem.csv-quote"));
    }

    @Test
    void refuses_a_wrong_header() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.header = "id,image,diagnosis,age,sex,body_site,confirmation";

        assertRefused(set.zip(), problem("manifest.csv", 1, "cases.problem.csv-header"));
    }

    @Test
    void refuses_a_row_with_the_wrong_number_of_columns() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.rows.set(0, "t-1,images/t-1.png,MN");

        assertRefused(set.zip(), problem("manifest.csv", 2, "cases.problem.csv-columns"));
    }

    @Test
    void refuses_a_set_json_that_is_not_json() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.setJson = "{\"name\": \"x\", ";

        assertRefused(set.zip(), problem("set.json", 0, "cases.problem.setjson-syntax"));
    }

    @Test
    void refuses_a_set_json_without_its_required_keys() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.setJson = "{\"name\": \"x\", \"source\": \"y\", \"synthetic\": \"yes\"}";

        ImportFailedException refused = assertRefused(set.zip(),
                problem("set.json", 0, "cases.problem.setjson-required"));
        assertThat(refused.problems()).extracting(ImportProblem::messageKey)
                .contains("cases.problem.setjson-type");
    }

    @Test
    void refuses_a_set_without_manifest() {
        StudySetFixture set = StudySetFixture.valid(1, "MN");
        Map<String, byte[]> entries = set.all();
        entries.remove("manifest.csv");

        assertRefused(StudySetFixture.zip(entries), problem("manifest.csv", 0, "cases.problem.manifest-missing"));
    }

    @Test
    void refuses_bad_optional_fields_with_their_lines() {
        StudySetFixture set = StudySetFixture.valid(3, "MN");
        set.rows.set(0, "t-1,images/t-1.png,MN,200,F,,");
        set.rows.set(1, "t-2,images/t-2.png,MN,30,X,,");
        set.rows.set(2, "t-3,images/t-3.png,MN,30,F,,biopsy");

        ImportFailedException refused = assertRefused(set.zip(), problem("manifest.csv", 2, "cases.problem.age"));
        assertThat(ids(refused)).contains(problem("manifest.csv", 3, "cases.problem.sex"),
                problem("manifest.csv", 4, "cases.problem.confirmation"));
    }

    @Test
    void refuses_something_that_is_not_a_zip() {
        assertRefused("just text".getBytes(StandardCharsets.UTF_8), problem("", 0, "cases.problem.zip-empty"));
    }

    @Test
    void reports_every_problem_of_a_set_at_once_not_just_the_first() {
        StudySetFixture set = StudySetFixture.valid(4, "MN");
        set.rows.set(0, "t-1,images/t-1.png,XYZ,42,F,,");
        set.addCase("t-2", "images/t-99.png", "MN", StudySetFixture.png("dup id"));
        set.files.remove("images/t-3.png");
        set.files.put("images/t-4.png", "GIF89a-not-an-image".getBytes(StandardCharsets.US_ASCII));
        set.files.put("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));

        ImportFailedException refused = assertRefused(set.zip(),
                problem("manifest.csv", 2, "cases.problem.diagnosis-unknown"));
        assertThat(ids(refused)).contains(
                problem("manifest.csv", 6, "cases.problem.case-id-duplicate"),
                problem("manifest.csv", 4, "cases.problem.image-missing"),
                problem("images/t-4.png", 0, "cases.problem.image-format"),
                problem("notes.txt", 0, "cases.problem.not-in-manifest"));
        assertThat(refused.problems()).hasSize(5);
    }

    @Test
    void a_refused_folder_from_the_command_line_leaves_no_trace_either() {
        SignedIn.nobody();
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        set.addCase("t-9", "images/t-9.png", "NOPE", StudySetFixture.png("nope"));
        Path folder = set.writeFolder(temp);
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> command.importFolder(folder)).isInstanceOf(ImportFailedException.class);

        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    /** Expects a refusal containing {@code expected}, and checks that no table changed. */
    private ImportFailedException assertRefused(byte[] zip, String expected) {
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        ImportFailedException refused = null;
        try {
            library.importZip(new ByteArrayInputStream(zip), "crafted.zip");
        } catch (ImportFailedException e) {
            refused = e;
        }
        assertThat(refused).as("the import is refused").isNotNull();
        assertThat(ids(refused)).as("problems").contains(expected);
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).as("row counts of every table").isEqualTo(before);
        return refused;
    }

    /** A problem as reported, ignoring its arguments (checked where they matter). */
    private static String problem(String file, int line, String key) {
        return file + "|" + line + "|" + key;
    }

    private static List<String> ids(ImportFailedException refused) {
        return refused.problems().stream().map(p -> problem(p.file(), p.line(), p.messageKey())).toList();
    }
}
