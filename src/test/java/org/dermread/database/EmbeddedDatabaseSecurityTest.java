package org.dermread.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL that the README's run command starts (issue 12, finding 6): no connection without a
 * password, the passwords in a file only the server's account can read, and the application connected as a role that
 * owns its database but is no superuser, so it cannot run programs on the server. A cluster made by an earlier
 * version, which trusted every local connection, is converted at its next start.
 */
class EmbeddedDatabaseSecurityTest {

    @TempDir
    Path data;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void every_connection_needs_a_password_and_the_application_is_not_a_superuser() throws Exception {
        Path cluster = data.resolve("postgres");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(cluster, 0);
        Path credentials = EmbeddedCredentials.fileFor(cluster.toAbsolutePath().normalize());
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties)) {
            int port = postgres.getPort();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertRefused(port, "postgres", null);
            assertRefused(port, "postgres", "postgres");
            assertRefused(port, "dermread", null);

            HikariDataSource app = (HikariDataSource) configuration.dataSource(postgres, properties);
            try (app) {
                JdbcClient jdbc = JdbcClient.create(app);
                assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("dermread");
                assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class).single()).isFalse();
                assertThat(jdbc.sql("select pg_get_userbyid(datdba) from pg_database where datname = 'dermread'")
                        .query(String.class).single()).isEqualTo("dermread");
                assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                        .as("a commit reported to a reader is on disk").isEqualTo("on");
                assertThatThrownBy(() -> execute(app, "copy (select 1) to program 'touch /tmp/dermread-owned'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("pg_execute_server_program");
                execute(app, "create table kept (value text)");
                execute(app, "insert into kept values ('across a restart')");
            }
        }

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource app = (HikariDataSource) configuration.dataSource(postgres, properties)) {
            assertThat(JdbcClient.create(app).sql("select value from kept").query(String.class).single())
                    .isEqualTo("across a restart");
            assertRefused(postgres.getPort(), "postgres", null);
        }
    }

    @Test
    void a_database_of_an_earlier_version_that_trusted_everyone_is_converted_at_its_next_start() throws Exception {
        Path cluster = data.resolve("postgres").toAbsolutePath();
        // what earlier versions made: trust for every local connection, tables owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).start()) {
            execute(old.getPostgresDatabase(), "create database dermread encoding 'UTF8' template template0");
            execute(old.getDatabase("postgres", "dermread"),
                    "create table answer (id bigint generated always as identity primary key, text text)");
            execute(old.getDatabase("postgres", "dermread"), "insert into answer (text) values ('before')");
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");

        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(cluster, 0);
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                HikariDataSource app = (HikariDataSource) configuration.dataSource(postgres, properties)) {
            JdbcClient jdbc = JdbcClient.create(app);
            jdbc.sql("insert into answer (text) values ('after')").update();
            assertThat(jdbc.sql("select text from answer order by id").query(String.class).list())
                    .containsExactly("before", "after");
            execute(app, "alter table answer add column note text");
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertRefused(postgres.getPort(), "postgres", null);
        }
    }

    private static void assertRefused(int port, String user, String password) {
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                login).close()).as("%s without its password", user).isInstanceOf(SQLException.class);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
