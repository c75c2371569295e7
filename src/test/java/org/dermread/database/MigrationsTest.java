package org.dermread.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.dermread.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void every_migration_applies_to_an_empty_postgresql_and_validates() throws Exception {
        String url = TestDatabase.newDatabase("migrations");
        Flyway flyway = Flyway.configure().dataSource(url, "postgres", null)
                .locations("classpath:db/migration").load();

        MigrateResult result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(result.initialSchemaVersion).isNull();
        flyway.validate();
        assertThat(flyway.migrate().migrationsExecuted).as("a second run applies nothing").isZero();

        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            List<String> tables = new ArrayList<>();
            ResultSet rs = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'");
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).contains("account", "account_role", "flyway_schema_history");
        }
    }
}
