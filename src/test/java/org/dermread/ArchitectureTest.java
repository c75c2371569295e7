package org.dermread;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Boundaries that keep the code honest as it grows. */
@AnalyzeClasses(packages = "org.dermread", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The statistics core is plain Java (commons-math3 for distributions only), so it can be verified and reused
     * without the application: no Spring, Vaadin, DJL, JDBC, Jackson, nor any other part of DermRead.
     */
    @ArchTest
    static final ArchRule statistics_are_pure_java = classes().that().resideInAPackage("org.dermread.stats..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.commons.math3..",
                    "org.dermread.stats..")
            .because("statistics must not depend on frameworks, databases or the rest of the app");

    /** Views call services; repositories (the internal packages) are for services only. */
    @ArchTest
    static final ArchRule views_never_touch_repositories = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .because("views call application services, which own transactions and security checks");

    /** Views never issue SQL either. */
    @ArchTest
    static final ArchRule views_use_no_jdbc = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..");
}
