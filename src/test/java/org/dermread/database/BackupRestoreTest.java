package org.dermread.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.reading.Phase;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestDatabase;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's backup procedure: {@code pg_dump -Fc} of the whole database and {@code pg_restore} into an empty one
 * give back every row of every table, answers included (Debian's postgresql-client, installed by .ci/run).
 */
@DermReadTest
class BackupRestoreTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;

    @Test
    void a_dump_restored_into_an_empty_database_holds_every_row_of_every_table(@TempDir Path folder)
            throws Exception {
        Account coordinator = accounts.create("backup-coord", Role.COORDINATOR);
        Account reader = accounts.create("backup-reader", Role.READER);
        studies.giveProfile(reader, 4);
        TestStudy study = studies.openStudy(coordinator, 6, List.of("MN", "BCC", "SK", "DF"), Options.defaults());
        long participation = studies.invite(study, reader, 1);
        readings.readAll(reader, participation, (caseId, i, phase) -> "MN", Phase.UNAIDED);

        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        int port = TestDatabase.server().getPort();
        Path dump = folder.resolve("dermread.dump");
        run("pg_dump", "-Fc", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-d", database,
                "-f", dump.toString());
        String restoredUrl = TestDatabase.newDatabase("restored");
        String restored = restoredUrl.substring(restoredUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        run("pg_restore", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-d", restored,
                "--no-owner", dump.toString());

        Map<String, String> before = fingerprint(url);
        Map<String, String> after = fingerprint(restoredUrl);
        assertThat(before).containsKeys("answer", "account", "participation", "clinical_case", "case_image",
                "flyway_schema_history");
        assertThat(after).isEqualTo(before);
        assertThat(before.get("answer")).startsWith("6:");
    }

    /** Per table: row count and an md5 over all rows in a fixed order. */
    private static Map<String, String> fingerprint(String url) throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            List<String> tables = new ArrayList<>();
            ResultSet rs = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' "
                            + "and table_type = 'BASE TABLE' order by table_name");
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            for (String table : tables) {
                ResultSet row = connection.createStatement().executeQuery("select count(*), "
                        + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t");
                row.next();
                result.put(table, row.getLong(1) + ":" + row.getString(2));
            }
        }
        return result;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
