package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.cases.internal.StudySetFiles;
import org.dermread.cases.internal.StudySetReader;
import org.dermread.cases.internal.StudySetValidator;
import org.junit.jupiter.api.Test;

/**
 * The size limits, with limits small enough to hit in a unit test (the service applies the same code with the
 * configured {@code dermread.import.*} limits).
 */
class StudySetLimitsTest {

    private static final Set<String> CODES = Set.of("MN", "BCC", "SK");
    private static final ImportProperties DEFAULTS = ImportProperties.defaults(List.of(Path.of("study-sets")),
            Path.of("study-sets/demo"));

    @Test
    void refuses_a_zip_bomb_measuring_what_it_inflates_not_what_it_declares() {
        ImportProperties limits = DEFAULTS.withLimits(20_000_000, 50_000_000, 1_000_000, 20_000);
        Map<String, byte[]> entries = new LinkedHashMap<>(StudySetFixture.valid(1, "MN").all());
        entries.put("images/zeros.png", new byte[5_000_000]);
        byte[] zip = StudySetFixture.zip(entries);
        assertThat(zip.length).as("the archive itself is small").isLessThan(50_000);

        StudySetFiles files = new StudySetReader(limits).readZip(new ByteArrayInputStream(zip));

        assertThat(files.incomplete()).isTrue();
        assertThat(files.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("cases.problem.zip-too-large");
        assertThat(validate(limits, files)).contains("cases.problem.zip-too-large");
    }

    @Test
    void refuses_a_zip_with_too_many_entries() {
        ImportProperties limits = DEFAULTS.withLimits(20_000_000, 50_000_000, 1_000_000_000, 5);
        StudySetFixture set = StudySetFixture.valid(6, "MN");

        StudySetFiles files = new StudySetReader(limits).readZip(new ByteArrayInputStream(set.zip()));

        assertThat(validate(limits, files)).containsExactly("cases.problem.zip-too-many-entries");
    }

    @Test
    void refuses_an_image_above_the_byte_limit() {
        ImportProperties limits = DEFAULTS.withLimits(1_000, 50_000_000, 1_000_000_000, 20_000);
        StudySetFixture set = StudySetFixture.valid(1, "MN");
        set.files.put("images/t-1.png", StudySetFixture.image("large", "png", 300, 300));

        List<String> problems = validate(limits, new StudySetReader(limits).readZip(
                new ByteArrayInputStream(set.zip())));

        assertThat(problems).containsExactly("cases.problem.image-too-large");
    }

    @Test
    void refuses_an_image_above_the_pixel_limit_before_decoding_it() {
        ImportProperties limits = DEFAULTS.withLimits(20_000_000, 10_000, 1_000_000_000, 20_000);
        StudySetFixture set = StudySetFixture.valid(1, "MN");
        set.files.put("images/t-1.png", StudySetFixture.image("wide", "png", 200, 100));

        List<String> problems = validate(limits, new StudySetReader(limits).readZip(
                new ByteArrayInputStream(set.zip())));

        assertThat(problems).containsExactly("cases.problem.image-too-many-pixels");
    }

    @Test
    void accepts_crlf_line_ends_quoted_commas_and_a_byte_order_mark() {
        StudySetFixture set = StudySetFixture.valid(2, "MN");
        String manifest = "\uFEFF" + StudySetFixture.HEADER + "\r\n" + String.join("\r\n", set.rows) + "\r\n";
        set.manifestOverride = manifest.getBytes(StandardCharsets.UTF_8);

        assertThat(validate(DEFAULTS, new StudySetReader(DEFAULTS).readZip(
                new ByteArrayInputStream(set.zip())))).isEmpty();
    }

    private static List<String> validate(ImportProperties limits, StudySetFiles files) {
        ImportFailedException refused = catchThrowableOfType(ImportFailedException.class,
                () -> new StudySetValidator(limits, CODES).validate(files));
        return refused == null ? List.of() : refused.problems().stream().map(ImportProblem::messageKey).toList();
    }
}
