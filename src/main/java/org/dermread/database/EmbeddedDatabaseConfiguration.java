package org.dermread.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (zonky's binaries from Maven Central) when no {@code spring.datasource.url} is
 * configured. Its data directory is kept between runs. A server orphaned by a killed JVM is stopped before the
 * new one starts, so a {@code kill -9} is followed by a clean restart.
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
        log.info("Starting embedded PostgreSQL; data directory {}", dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("dermread-embedded");
        dataSource.setMaximumPoolSize(20);
        log.info("Database: EMBEDDED PostgreSQL at {} (data kept in {})", dataSource.getJdbcUrl(),
                properties.dataDir().toAbsolutePath().normalize());
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
