package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guards of the import path through the real service and database (issue 12): one import per person at a time
 * (finding 1), a link inside an allowed folder does not lead out of it (finding 8), and refusals name files inside
 * the set, never server paths (finding 13).
 */
@DermReadTest
class ImportGuardsTest {

    @Autowired
    CaseLibraryService library;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @TempDir
    Path temp;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void a_second_import_by_the_same_person_is_refused_while_the_first_runs() throws Exception {
        Account coordinator = accounts.create("busy", Role.COORDINATOR);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread firstImport = new Thread(() -> transaction.executeWithoutResult(status -> {
            // what a running import holds: the person's import lock, until its transaction ends
            jdbc.sql("select pg_advisory_xact_lock(1207, hashtext(:user))").param("user", coordinator.username())
                    .query().singleRow();
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        firstImport.start();
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        SignedIn.as(coordinator);
        StudySetFixture set = StudySetFixture.valid(1, "MN");
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

        assertThatThrownBy(() -> library.importZip(new ByteArrayInputStream(set.zip()), "second.zip"))
                .isInstanceOf(CaseLibraryException.class).hasMessageContaining("cases.import.error.busy");
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
        SignedIn.as(accounts.create("someone-else", Role.COORDINATOR));
        assertThat(library.importZip(new ByteArrayInputStream(StudySetFixture.valid(1, "SK").zip()), "other.zip")
                .cases()).as("another person imports meanwhile").isEqualTo(1);

        release.countDown();
        firstImport.join(60_000);
        SignedIn.as(coordinator);
        assertThat(library.importZip(new ByteArrayInputStream(set.zip()), "again.zip").cases()).isEqualTo(1);
    }

    @Test
    void a_link_inside_the_allowed_folder_that_leads_outside_it_is_refused() throws Exception {
        SignedIn.as(accounts.create("linker", Role.COORDINATOR));
        Path outside = StudySetFixture.valid(1, "MN").writeFolder(temp);
        Path link = Path.of("study-sets", "link-" + System.nanoTime());
        Files.createSymbolicLink(link, outside.toAbsolutePath());
        try {
            Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);

            assertThatThrownBy(() -> library.importFolder(link))
                    .isInstanceOf(CaseLibraryException.class)
                    .hasMessageContaining("cases.import.error.folder-not-allowed");
            assertThat(DatabaseSnapshot.rowCounts(jdbc)).isEqualTo(before);
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void a_refusal_names_no_path_on_the_server() throws Exception {
        SignedIn.as(accounts.create("paths", Role.COORDINATOR));
        String server = Path.of("").toAbsolutePath().toString();

        ImportFailedException missing = catchThrowableOfType(ImportFailedException.class,
                () -> library.importFolder(Path.of("study-sets", "no-such-set")));

        assertThat(missing.problems()).extracting(ImportProblem::messageKey)
                .containsExactly("cases.problem.folder-missing");
        assertNoServerPath(missing, server);

        // a set given by its absolute path: its problems name files inside the set
        Path set = StudySetFixture.valid(1, "MN").writeFolder(Path.of("study-sets", "paths-" + System.nanoTime()));
        Files.writeString(set.resolve("images").resolve("stray.txt"), "not in the manifest");
        Files.createSymbolicLink(set.resolve("images").resolve("link.png"), temp.toAbsolutePath());
        try {
            ImportFailedException stray = catchThrowableOfType(ImportFailedException.class,
                    () -> library.importFolder(set.toAbsolutePath()));

            assertThat(stray.problems()).extracting(ImportProblem::file)
                    .contains("images/stray.txt", "images/link.png");
            assertNoServerPath(stray, server);
        } finally {
            try (Stream<Path> files = Files.walk(set)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void assertNoServerPath(ImportFailedException refused, String server) {
        assertThat(refused.problems()).allSatisfy(problem -> {
            assertThat(problem.file()).doesNotContain(server);
            assertThat(problem.arguments()).noneMatch(argument -> String.valueOf(argument).contains(server));
        });
    }
}
