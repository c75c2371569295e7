package org.dermread;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dermread.accounts.Role;
import org.dermread.common.AnyCaller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boundaries that keep the code honest as it grows. A feature is a package directly under {@code org.dermread}
 * ({@code accounts}, {@code studies}, ...); its root package is its public API, {@code internal} holds its JDBC
 * code, {@code ui} its pages. The statistics core has its own rule in {@code stats.StatsPurityTest}.
 */
@AnalyzeClasses(packages = "org.dermread", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Pattern FEATURE = Pattern.compile("org\\.dermread\\.([a-z0-9]+)(\\..*)?");
    private static final Pattern INTERNAL = Pattern.compile("org\\.dermread\\.([a-z0-9]+)\\.internal(\\..*)?");

    /**
     * Features depend on each other in one direction only; a feature that needs something from one above it
     * defines an interface that the other implements (as {@code shell.NavigationContributor} or
     * {@code reading.AiAdviceSource}).
     */
    @ArchTest
    static final ArchRule features_have_no_cycles = slices().matching("org.dermread.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    /** A feature's {@code internal} package (its repositories) is used by that feature alone. */
    @ArchTest
    static final ArchRule internal_packages_are_used_only_by_their_own_feature = classes()
            .should(new ArchCondition<JavaClass>("use no other feature's internal package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> feature = feature(origin.getPackageName());
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                        if (internal.matches() && !Optional.of(internal.group(1)).equals(feature)) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            });

    /** Views call services, which own transactions and security checks; repositories are for services only. */
    @ArchTest
    static final ArchRule views_never_touch_repositories = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..internal..")
            .because("views call application services, which own transactions and security checks");

    /** Views never issue SQL either. */
    @ArchTest
    static final ArchRule views_use_no_jdbc = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..");

    /**
     * Vaadin lives in the pages ({@code ..ui..}) and the shell. Two narrow exceptions: {@link Application} is
     * Vaadin's app shell (theme, push, PWA), and the security configuration plugs Vaadin's login view into Spring
     * Security ({@code com.vaadin.flow.spring.security}).
     */
    @ArchTest
    static final ArchRule vaadin_only_in_views_and_the_shell = classes()
            .should(new ArchCondition<JavaClass>("use Vaadin only in ..ui.. and shell (see the exceptions)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("com.vaadin.") && !vaadinAllowed(origin, target)) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            });

    /**
     * Security is checked in the services: every public method of a {@code @Service} in a feature's root package
     * carries {@code @PreAuthorize} (on the method or the class), unless the method or class is marked
     * {@link AnyCaller} with the reason it is open to every caller.
     */
    @ArchTest
    static final ArchRule service_methods_check_security = methods().that().arePublic()
            .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areDeclaredInClassesThat().resideInAPackage("org.dermread.*")
            .should(new ArchCondition<JavaMethod>("carry @PreAuthorize or @AnyCaller (on the method or its class)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean declared = Set.of(PreAuthorize.class, AnyCaller.class).stream().anyMatch(annotation ->
                            method.isAnnotatedWith(annotation) || method.getOwner().isAnnotatedWith(annotation));
                    if (!declared) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " has neither @PreAuthorize nor @AnyCaller"));
                    }
                }
            });

    /**
     * Services own transactions: every public method of a {@code @Service} in a feature's root package that
     * reaches a {@code @Repository} (directly, or through its own class's non-public methods and lambdas)
     * declares its transaction with {@code @Transactional} on the method or the class ({@code readOnly} for
     * reads; a {@code propagation} other than the default where it must run without one, saying why).
     */
    @ArchTest
    static final ArchRule service_methods_that_use_the_database_own_a_transaction = methods().that().arePublic()
            .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areDeclaredInClassesThat().resideInAPackage("org.dermread.*")
            .should(new ArchCondition<JavaMethod>("be @Transactional (method or class) when they use a repository") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean transactional = method.isAnnotatedWith(Transactional.class)
                            || method.getOwner().isAnnotatedWith(Transactional.class);
                    Set<String> repositoryCalls = repositoryCalls(method);
                    if (!transactional && !repositoryCalls.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " calls " + repositoryCalls + " without @Transactional"));
                    }
                }
            });

    /** Role names in {@code @RolesAllowed} are written as text in some features; each must name a {@link Role}. */
    @ArchTest
    static final ArchRule roles_allowed_name_real_roles = classes().that().areAnnotatedWith(RolesAllowed.class)
            .should(new ArchCondition<JavaClass>("name only roles that exist") {
                @Override
                public void check(JavaClass view, ConditionEvents events) {
                    JavaAnnotation<JavaClass> annotation = view.getAnnotationOfType(RolesAllowed.class.getName());
                    for (Object name : (Object[]) annotation.get("value").orElseThrow()) {
                        if (Arrays.stream(Role.values()).noneMatch(role -> role.name().equals(name))) {
                            events.add(SimpleConditionEvent.violated(view,
                                    view.getName() + " allows the unknown role '" + name + "'"));
                        }
                    }
                }
            });

    private static Optional<String> feature(String packageName) {
        Matcher matcher = FEATURE.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean vaadinAllowed(JavaClass origin, String target) {
        String from = origin.getPackageName();
        if (from.matches("org\\.dermread\\.[a-z0-9]+\\.ui(\\..*)?") || from.matches("org\\.dermread\\.shell(\\..*)?")) {
            return true;
        }
        if (origin.getName().equals(Application.class.getName())) {
            return Set.of("com.vaadin.flow.component.page", "com.vaadin.flow.theme", "com.vaadin.flow.server",
                    "com.vaadin.flow.shared.communication", "com.vaadin.flow.shared.ui").contains(target);
        }
        return from.equals("org.dermread.security") && target.equals("com.vaadin.flow.spring.security");
    }

    /** Repository methods called by a method or, transitively, by the non-public methods and lambdas it calls. */
    private static Set<String> repositoryCalls(JavaMethod method) {
        Set<String> calls = new TreeSet<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> pending = new ArrayDeque<>();
        pending.push(method);
        while (!pending.isEmpty()) {
            JavaCodeUnit unit = pending.pop();
            if (!seen.add(unit)) {
                continue;
            }
            for (JavaCall<?> call : unit.getCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (owner.isAnnotatedWith(Repository.class)) {
                    calls.add(owner.getSimpleName() + "." + call.getName());
                } else if (owner.equals(method.getOwner())) {
                    call.getTarget().resolveMember()
                            .filter(member -> !member.getModifiers().contains(JavaModifier.PUBLIC))
                            .ifPresent(pending::push);
                }
            }
        }
        return calls;
    }
}
