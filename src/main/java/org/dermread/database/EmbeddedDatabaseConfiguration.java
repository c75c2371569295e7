package org.dermread.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (zonky's binaries from Maven Central) when no {@code spring.datasource.url} is
 * configured. Its data directory is kept between runs. A server orphaned by a killed JVM is stopped before the
 * new one starts, so a {@code kill -9} is followed by a clean restart. Every connection needs a password (SCRAM):
 * the superuser's and the database owner's are generated at the first start and kept in {@link EmbeddedCredentials};
 * the application connects as the owner, which is not a superuser, so it cannot run programs on the server
 * ({@code COPY ... TO PROGRAM}) or read other databases (issue 12, finding 6).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "dermread";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        stopOrphanedPostmaster(dataDir);
        Path credentialsFile = EmbeddedCredentials.fileFor(dataDir);
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        Optional<EmbeddedCredentials> kept = EmbeddedCredentials.read(credentialsFile);
        if (!fresh && kept.isEmpty() && Files.exists(dataDir.resolve("pg_hba.conf"))
                && Files.readString(dataDir.resolve("pg_hba.conf")).equals(PG_HBA)) {
            throw new IOException("The embedded database " + dataDir + " asks for passwords, but their file "
                    + credentialsFile + " is missing; restore it from a backup");
        }
        EmbeddedCredentials credentials = kept.isPresent() ? kept.get() : EmbeddedCredentials.create(credentialsFile);
        log.info("Starting embedded PostgreSQL; data directory {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's default is off (fast tests); a saved answer must survive a power cut, not only a crash
                .setServerConfig("synchronous_commit", "on")
                .setConnectConfig("password", credentials.superuserPassword());
        Path pwfile = null;
        if (fresh) {
            // initdb sets the superuser's password and SCRAM authentication from the start (zonky passes these
            // "locale" settings to initdb as --name=value, after its own "-A trust", which they override)
            pwfile = EmbeddedCredentials.privateFile(dataDir.resolveSibling(dataDir.getFileName() + ".initdb"));
            Files.writeString(pwfile, credentials.superuserPassword() + "\n");
            builder.setLocaleConfig("pwfile", pwfile.toString()).setLocaleConfig("auth", "scram-sha-256");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
        try {
            secure(postgres, credentials, dataDir);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
        return postgres;
    }

    /**
     * Every start: the superuser's password, a non-superuser {@link EmbeddedCredentials#OWNER} role that owns the
     * database and everything in it, and a {@code pg_hba.conf} that asks every connection for a SCRAM password.
     * A cluster made by an earlier version (no credentials file, {@code trust} for everyone) is converted at its
     * first start with this version; the conversion is repeated until it has been completed.
     */
    private static void secure(EmbeddedPostgres postgres, EmbeddedCredentials credentials, Path dataDir)
            throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role " + EmbeddedCredentials.SUPERUSER + " password "
                    + literal(connection, credentials.superuserPassword()));
            ResultSet role = statement.executeQuery("select 1 from pg_roles where rolname = '"
                    + EmbeddedCredentials.OWNER + "'");
            String ownerRole = role.next() ? "alter role " : "create role ";
            statement.execute(ownerRole + EmbeddedCredentials.OWNER + " login nosuperuser nocreatedb nocreaterole"
                    + " noreplication nobypassrls password " + literal(connection, credentials.ownerPassword()));
            ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " owner " + EmbeddedCredentials.OWNER
                        + " encoding 'UTF8' template template0");
            } else {
                statement.execute("alter database " + DATABASE + " owner to " + EmbeddedCredentials.OWNER);
            }
            statement.execute("revoke all on database postgres, template1 from public");
        }
        try (Connection connection = postgres.getDatabase(EmbeddedCredentials.SUPERUSER, DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            // tables made by an earlier version belong to the superuser; the owner role must own them to migrate them
            statement.execute(OWN_EVERYTHING);
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!PG_HBA.equals(Files.exists(hba) ? Files.readString(hba) : "")) {
            Files.writeString(hba, PG_HBA);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL now asks every connection for a password (pg_hba.conf rewritten)");
        }
    }

    private static String literal(Connection connection, String value) throws SQLException {
        return connection.unwrap(BaseConnection.class).escapeString(value).transform(text -> "'" + text + "'");
    }

    /** Gives the owner role every table, view and free-standing sequence of the public schema. */
    private static final String OWN_EVERYTHING = """
            do $$
            declare
              item record;
            begin
              for item in
                select c.oid::regclass::text as name, c.relkind
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                   and pg_get_userbyid(c.relowner) <> 'dermread'
                   and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                             where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')))
              loop
                execute format(case item.relkind when 'S' then 'alter sequence %s owner to dermread'
                                                  when 'v' then 'alter view %s owner to dermread'
                                                  when 'm' then 'alter materialized view %s owner to dermread'
                                                  else 'alter table %s owner to dermread' end, item.name);
              end loop;
            end
            $$""";

    /** Passwords (SCRAM-SHA-256) for every connection, local socket or loopback; nothing else listens. */
    static final String PG_HBA = """
            # Written by DermRead at each start: every connection needs a password (SCRAM-SHA-256).
            # The passwords are in the credentials file beside this cluster (see the README, Deploying).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedCredentials credentials = EmbeddedCredentials.read(EmbeddedCredentials.fileFor(dataDir))
                .orElseThrow(() -> new IOException("The embedded database's credentials file is missing"));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(EmbeddedCredentials.OWNER, DATABASE));
        dataSource.setUsername(EmbeddedCredentials.OWNER);
        dataSource.setPassword(credentials.ownerPassword());
        dataSource.setPoolName("dermread-embedded");
        dataSource.setMaximumPoolSize(20);
        log.info("Database: EMBEDDED PostgreSQL at {} as {} (data kept in {}, passwords in {})",
                dataSource.getJdbcUrl(), EmbeddedCredentials.OWNER, dataDir, EmbeddedCredentials.fileFor(dataDir));
        return dataSource;
    }

    @Bean
    DatabaseMode databaseMode() {
        return DatabaseMode.EMBEDDED;
    }

    /**
     * After a SIGKILL of the JVM the postmaster (started by {@code pg_ctl}) keeps running and holds the data
     * directory. Ask it to shut down (SIGTERM: smart shutdown; its clients died with the JVM) and wait.
     */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive() || !isPostgresOf(process.get(), dataDir, lines)) {
            return; // a stale pid file; PostgreSQL itself copes with it
        }
        log.warn("An orphaned embedded PostgreSQL (pid {}) still holds {}; stopping it before restart", pid, dataDir);
        process.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.get().isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
            }
        }
        if (process.get().isAlive()) {
            throw new IOException("The orphaned PostgreSQL (pid " + pid + ") did not stop; stop it by hand");
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDir, List<String> pidFileLines) {
        String command = process.info().command().orElse("");
        // postmaster.pid's second line is the data directory the server was started on
        boolean sameDir = pidFileLines.size() > 1
                && Path.of(pidFileLines.get(1).trim()).toAbsolutePath().normalize().equals(dataDir);
        return sameDir && command.contains("postgres");
    }
}
