package org.dermread.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL at random moments while readers answer, restarts it on the same embedded database,
 * and checks that every answer a reader was shown as saved is stored exactly once with the diagnosis given.
 */
class KillHarnessTest {

    static final int KILLS = 4;

    @TempDir
    Path dataDir;

    @Test
    void every_answer_shown_as_saved_survives_repeated_kill_minus_nine_exactly_once() throws Exception {
        Path journal = dataDir.resolve("journal.csv");
        Random random = new Random(8);
        int kills = 0;
        boolean finished = false;
        for (int start = 0; start < KILLS + 3 && !finished; start++) {
            Process server = new ProcessBuilder(javaCommand(journal)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            boolean ready = waitFor(out, "READY");
            assertThat(ready).as("server start " + start).isTrue();
            if (kills < KILLS) {
                Thread.sleep(300 + random.nextInt(1500));
                server.destroyForcibly(); // SIGKILL: no shutdown hook, the embedded PostgreSQL is orphaned
                server.waitFor(30, TimeUnit.SECONDS);
                kills++;
            } else {
                finished = waitFor(out, "DONE");
                assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(finished).as("the last run answered every case").isTrue();

        List<String> shownAsSaved = Files.readAllLines(journal);
        Map<String, String> expected = new HashMap<>();
        for (String line : shownAsSaved) {
            String[] cells = line.split(",");
            assertThat(expected.put(cells[0] + "," + cells[1], cells[2])).as("journal twice: " + line).isNull();
        }
        EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(dataDir.resolve("postgres"));
        // the embedded server asks for the superuser's password, kept beside the cluster
        String password = EmbeddedCredentials.read(EmbeddedCredentials.fileFor(
                dataDir.resolve("postgres").toAbsolutePath().normalize())).orElseThrow().superuserPassword();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setConnectConfig("password", password).start();
                Connection connection = postgres.getDatabase("postgres", "dermread").getConnection()) {
            Map<String, String> stored = new HashMap<>();
            Set<String> duplicates = new HashSet<>();
            ResultSet rs = connection.createStatement().executeQuery(
                    "select participation_id, case_id, diagnosis from answer where phase = 'UNAIDED'");
            while (rs.next()) {
                String key = rs.getLong(1) + "," + rs.getLong(2);
                if (stored.put(key, rs.getString(3)) != null) {
                    duplicates.add(key);
                }
            }
            System.out.printf("kill harness: %d kills, %d answers shown as saved, %d stored%n", kills,
                    expected.size(), stored.size());
            assertThat(duplicates).isEmpty();
            List<String> lost = new ArrayList<>();
            expected.forEach((key, diagnosis) -> {
                if (!diagnosis.equals(stored.get(key))) {
                    lost.add(key);
                }
            });
            assertThat(lost).as("answers shown as saved but not stored").isEmpty();
            assertThat(stored).hasSize(KillHarnessChild.READERS * KillHarnessChild.CASES);
        }
    }

    private List<String> javaCommand(Path journal) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                KillHarnessChild.class.getName(), dataDir.toString(), journal.toString());
    }

    private static boolean waitFor(BufferedReader out, String marker) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.trim().equals(marker)) {
                return true;
            }
        }
        return false;
    }
}
