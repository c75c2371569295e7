package org.dermread.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** When {@code spring.datasource.url} is set, Spring Boot's own datasource is used and nothing is started. */
@Configuration(proxyBeanMethods = false)
@Conditional(ConfiguredDatabaseConfiguration.DatasourceUrlCondition.class)
class ConfiguredDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredDatabaseConfiguration.class);

    @Bean
    DatabaseMode databaseMode(Environment environment) {
        log.info("Database: CONFIGURED PostgreSQL at {} (no embedded server started)",
                environment.getProperty("spring.datasource.url"));
        return DatabaseMode.CONFIGURED;
    }

    static class DatasourceUrlCondition extends NoDatasourceUrlCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
