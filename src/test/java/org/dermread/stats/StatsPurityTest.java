package org.dermread.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The statistics core is plain Java (commons-math3 for distributions only), so it can be verified and reused
 * without the application: no Spring, Vaadin, DJL, JDBC, Jackson, nor any other part of DermRead.
 */
@AnalyzeClasses(packages = "org.dermread.stats", importOptions = ImportOption.DoNotIncludeTests.class)
class StatsPurityTest {

    @ArchTest
    static final ArchRule statistics_are_pure_java = classes().that().resideInAPackage("org.dermread.stats..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.commons.math3..",
                    "org.dermread.stats..")
            .because("statistics must not depend on frameworks, databases or the rest of the app");
}
