package org.dermread.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dermread.stats.ReferenceValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Output" section names every key the four commands write, with every option that adds keys. */
class ReadmeOutputTest {

    @Test
    void the_readme_output_section_names_every_key_the_commands_write(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Output\n");
        int end = readme.indexOf("### Definitions\n", start);
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z0-9_]+)`").matcher(readme.substring(start, end));
        while (m.find()) {
            documented.add(m.group(1));
        }

        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        try (var files = Files.list(ReferenceValues.folder().resolve("bundle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
        Files.writeString(bundle.resolve("analysis.json"), """
                {"grouping": {"name": "ab", "groups": {"a": ["MN", "BCC"], "b": ["SK", "Pso", "DF"]}}}""");
        Path imrmc = Path.of(ReadmeOutputTest.class.getResource("/stats/imrmc/input.imrmc").toURI());
        Set<String> written = new TreeSet<>();
        keys(run("analyze", bundle.toString(), "--bootstrap", "20", "--sens-at-spec", "0.9", "--spec-at-sens", "0.9"),
                written);
        keys(run("imrmc", imrmc.toString()), written);
        keys(run("roc", ReferenceValues.folder().resolve("asah.csv").toString(), "--bootstrap", "20",
                "--sens-at-spec", "0.9", "--spec-at-sens", "0.9"), written);
        keys(run("size", bundle.toString(), "--effect", "0.05", "--figure", "accuracy", "--ci-width", "0.2",
                "--cases", "100", "--readers", "5"), written);

        assertThat(written).hasSizeGreaterThan(150);
        written.removeAll(documented);
        assertThat(written).as("keys the commands write that the README's Output section does not name").isEmpty();
    }

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toByteArray());
    }

    /** Every object key, at any depth; the keys of {@code group_of} are label codes (data), not names. */
    private static void keys(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey());
                if (!e.getKey().equals("group_of")) {
                    keys(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> keys(child, out));
        }
    }
}
