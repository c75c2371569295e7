package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dermread.cases.internal.StudySetFiles;
import org.dermread.cases.internal.StudySetReader;
import org.dermread.cases.internal.StudySetValidator;
import org.junit.jupiter.api.Test;

/**
 * The hostile uploads of issue 12, finding 1, at the level of the reader and the validator: problems are counted
 * but kept only up to a bound per kind, a manifest longer than the configured number of rows is refused at once, and
 * ZIP entries go to disk, never into the heap, with the bombs of the probe refused early. The heap-bounded run of the
 * whole application is {@link HostileUploadTest}.
 */
class HostileImportTest {

    private static final Set<String> CODES = Set.of("MN", "BCC", "SK");
    private static final ImportProperties DEFAULTS = ImportProperties.defaults(List.of(Path.of("study-sets")),
            Path.of("study-sets/demo"));

    @Test
    void a_manifest_of_100000_bad_rows_is_refused_at_once_for_its_length() {
        byte[] zip = HostileZips.badRows(100_000);
        assertThat(zip.length).as("the probe's upload was about 500 KB").isLessThan(1_000_000);

        ImportFailedException refused = refuse(DEFAULTS, zip);

        assertThat(refused.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("cases.problem.manifest-too-many-rows");
        assertThat(refused.totalProblems()).isEqualTo(1);
    }

    @Test
    void every_problem_is_counted_but_only_the_first_of_each_kind_are_kept() {
        ImportProperties limits = DEFAULTS.withManifestLimits(30_000, 16_000_000);

        ImportFailedException refused = refuse(limits, HostileZips.badRows(20_000));

        assertThat(refused.totalProblems()).isEqualTo(5 * 20_000);
        assertThat(refused.totalsPerKind()).containsEntry("cases.problem.case-id-format", 20_000)
                .containsEntry("cases.problem.diagnosis-unknown", 20_000)
                .containsEntry("cases.problem.image-path", 20_000)
                .containsEntry("cases.problem.age", 20_000).containsEntry("cases.problem.sex", 20_000);
        Map<String, Long> kept = refused.problems().stream()
                .collect(Collectors.groupingBy(ImportProblem::messageKey, Collectors.counting()));
        assertThat(kept.values()).allMatch(count -> count == ImportProblems.KEPT_PER_KIND);
        assertThat(refused.problems().get(0).line()).as("the first ones, with their lines").isEqualTo(2);
    }

    @Test
    void zip_entries_are_unpacked_into_a_private_folder_that_is_deleted_afterwards() throws Exception {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        Path spooled;
        try (StudySetFiles files = new StudySetReader(DEFAULTS).readZip(new ByteArrayInputStream(set.zip()))) {
            spooled = files.file("manifest.csv");
            assertThat(spooled).isRegularFile();
            assertThat(Files.readAllBytes(spooled)).isEqualTo(set.manifest());
            assertThat(new StudySetValidator(DEFAULTS, CODES).validate(files).cases()).hasSize(2);
        }
        assertThat(spooled.getParent()).doesNotExist();
    }

    @Test
    void entries_of_zeros_that_inflate_a_hundredfold_are_refused_before_they_are_unpacked() {
        byte[] zip = HostileZips.zeros(15, 63);
        assertThat(zip.length).as("the probe's archive was 966 KB").isLessThan(1_100_000);

        long start = System.nanoTime();
        ImportFailedException refused = refuse(DEFAULTS, zip);
        System.out.printf("ZIP of 15 x 63 MB of zeros (%d KB) refused in %d ms%n", zip.length / 1024,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(refused.problems()).extracting(ImportProblem::messageKey).contains("cases.problem.zip-ratio");
    }

    @Test
    void an_entry_larger_than_any_file_of_a_valid_set_is_not_kept() throws Exception {
        ImportProperties limits = DEFAULTS.withLimits(1_000_000, 50_000_000, 1_000_000_000, 20_000)
                .withManifestLimits(20_000, 1_000_000);
        try (StudySetFiles files = new StudySetReader(limits).readZip(new ByteArrayInputStream(
                HostileZips.zeros(1, 2)))) {
            assertThat(files.paths()).isEmpty();
            assertThat(files.problems()).extracting(ImportProblem::messageKey)
                    .containsExactly("cases.problem.file-too-large");
        }
    }

    private static ImportFailedException refuse(ImportProperties limits, byte[] zip) {
        try (StudySetFiles files = new StudySetReader(limits).readZip(new ByteArrayInputStream(zip))) {
            ImportFailedException refused = catchThrowableOfType(ImportFailedException.class,
                    () -> new StudySetValidator(limits, CODES).validate(files));
            assertThat(refused).as("refused").isNotNull();
            return refused;
        }
    }
}
