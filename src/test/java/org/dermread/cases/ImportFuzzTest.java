package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile imports, generated with a fixed seed: random byte flips and truncations of a valid ZIP, damaged images
 * inside a valid ZIP, mangled manifests and thousands of rows. Every outcome must be either a complete import or a
 * refusal with its problems listed, never another exception, and a refusal must leave every table as it was.
 */
@DermReadTest
class ImportFuzzTest {

    static final int ROUNDS = 120;

    @Autowired
    CaseLibraryService library;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void random_damage_is_refused_cleanly_or_imported_whole() {
        SignIn.as(accounts.create("fuzz-coord", Role.COORDINATOR));
        StudySetFixture set = StudySetFixture.valid(2, "MN", "BCC", "SK");
        byte[] zip = set.zip();
        Random random = new Random(20211);
        int refused = 0;
        int imported = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] damaged = switch (round % 4) {
                case 0 -> flipBytes(zip, random, 1 + random.nextInt(8));
                case 1 -> Arrays.copyOf(zip, random.nextInt(zip.length));
                case 2 -> StudySetFixture.zip(withDamagedImage(set.all(), random));
                default -> StudySetFixture.zip(withMangledManifest(set.all(), random));
            };
            Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
            try {
                ImportResult result = library.importZip(new ByteArrayInputStream(damaged), "fuzz-" + round + ".zip");
                assertThat(result.cases()).isPositive();
                imported++;
            } catch (ImportFailedException e) {
                assertThat(e.problems()).as("round %d", round).isNotEmpty();
                assertThat(DatabaseSnapshot.rowCounts(jdbc)).as("round %d left a trace", round).isEqualTo(before);
                refused++;
            }
        }
        System.out.printf("import fuzz: %d rounds, %d refused cleanly, %d imported whole%n", ROUNDS, refused,
                imported);
        assertThat(refused).isGreaterThan(ROUNDS / 2);
    }

    @Test
    void a_manifest_with_thousands_of_bad_rows_is_refused_with_every_problem_counted_and_no_trace() {
        SignIn.as(accounts.create("fuzz-coord", Role.COORDINATOR));
        StudySetFixture set = StudySetFixture.valid(1, "MN");
        Map<String, byte[]> files = new LinkedHashMap<>(set.all());
        StringBuilder manifest = new StringBuilder(StudySetFixture.HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            manifest.append("case-").append(i).append(",images/missing-").append(i).append(".jpg,XX,,,,\n");
        }
        files.put("manifest.csv", manifest.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        try {
            library.importZip(new ByteArrayInputStream(StudySetFixture.zip(files)), "thousands.zip");
            throw new AssertionError("a manifest of 5,000 bad rows was accepted");
        } catch (ImportFailedException e) {
            assertThat(e.totalProblems()).isGreaterThanOrEqualTo(5000);
            assertThat(e.problems()).hasSizeLessThanOrEqualTo(e.totalsPerKind().size() * ImportProblems.KEPT_PER_KIND);
        }
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
    }

    private static byte[] flipBytes(byte[] original, Random random, int flips) {
        byte[] copy = original.clone();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = (byte) (copy[at] ^ (1 + random.nextInt(255)));
        }
        return copy;
    }

    private static Map<String, byte[]> withDamagedImage(Map<String, byte[]> files, Random random) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        String image = copy.keySet().stream().filter(name -> name.startsWith("images/")).skip(random.nextInt(6))
                .findFirst().orElseThrow();
        byte[] bytes = copy.get(image);
        copy.put(image, random.nextBoolean() ? Arrays.copyOf(bytes, bytes.length / 3)
                : flipBytes(bytes, random, 40));
        return copy;
    }

    private static Map<String, byte[]> withMangledManifest(Map<String, byte[]> files, Random random) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        byte[] manifest = copy.get("manifest.csv");
        byte[] mangled = switch (random.nextInt(4)) {
            case 0 -> flipBytes(manifest, random, 3);
            case 1 -> new String(manifest, StandardCharsets.UTF_8).replace(",", ";").getBytes(StandardCharsets.UTF_8);
            case 2 -> new String(manifest, StandardCharsets.UTF_8).replaceFirst("\n", "\n\"unclosed,")
                    .getBytes(StandardCharsets.UTF_8);
            default -> new String(manifest, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        };
        copy.put("manifest.csv", mangled);
        return copy;
    }
}
