package org.dermread.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each Spring test context at its own fresh database on the shared test PostgreSQL, and keeps tests from
 * writing into the developer's {@code ./data}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dermread-test", Map.of(
                "spring.datasource.url", TestDatabase.newDatabase("ctx"),
                "spring.datasource.username", "postgres",
                "dermread.demo.mode", "off",
                "logging.file.name", "target/test-logs/dermread.log",
                "dermread.bootstrap.admin-password", "Initial-Admin-Password-1")));
    }
}
