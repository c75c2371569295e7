package org.dermread.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The statistics core stays plain Java: no Spring, Vaadin, DJL or JDBC. */
class StatsPurityTest {

    private final JavaClasses stats = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dermread.stats");

    @Test
    void the_statistics_core_depends_on_no_framework_and_no_database() {
        noClasses().that().resideInAPackage("org.dermread.stats..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "ai.djl..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..")
                .check(stats);
    }

    @Test
    void the_statistics_core_does_not_reach_into_the_command_line() {
        noClasses().that().resideInAPackage("org.dermread.stats..")
                .should().dependOnClassesThat().resideInAPackage("org.dermread.cli..")
                .check(stats);
    }
}
