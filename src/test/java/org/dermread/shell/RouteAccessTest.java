package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dermread.accounts.Role;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.TestStudies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role against every role-specific page, generated from one table: a role opens exactly the pages the
 * table grants it and is refused all others.
 */
class RouteAccessTest extends KaribuTest {

    @Autowired
    TestStudies studies;

    /** The single source of truth for this test: route → roles that may open it. */
    static final Map<String, Set<Role>> ROUTES = Map.ofEntries(
            Map.entry("reader", EnumSet.of(Role.READER)),
            Map.entry("reader/profile", EnumSet.of(Role.READER)),
            Map.entry("coordinator", EnumSet.of(Role.COORDINATOR, Role.ADMIN)),
            Map.entry("coordinator/import", EnumSet.of(Role.COORDINATOR, Role.ADMIN)),
            Map.entry("coordinator/cases", EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.STATISTICIAN)),
            Map.entry("coordinator/case-sets", EnumSet.of(Role.COORDINATOR, Role.ADMIN)),
            Map.entry("coordinator/studies", EnumSet.of(Role.COORDINATOR, Role.ADMIN)),
            Map.entry("inference", EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.STATISTICIAN)),
            Map.entry("inference/models", EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.STATISTICIAN)),
            Map.entry("statistics", EnumSet.of(Role.STATISTICIAN, Role.COORDINATOR, Role.ADMIN)),
            Map.entry("accounts", EnumSet.of(Role.ADMIN, Role.COORDINATOR)),
            Map.entry("admin/audit", EnumSet.of(Role.ADMIN)));

    static Stream<Arguments> routeAndRole() {
        return ROUTES.entrySet().stream().flatMap(route -> EnumSet.allOf(Role.class).stream()
                .map(role -> Arguments.of(route.getKey(), role, route.getValue().contains(role))));
    }

    @ParameterizedTest(name = "{1} on /{0}: allowed={2}")
    @MethodSource("routeAndRole")
    void a_role_opens_its_own_pages_and_is_refused_the_others(String route, Role role, boolean allowed) {
        var account = testAccounts.create(role.name().toLowerCase(), role);
        studies.giveProfile(account, 5);
        login(account);

        UI.getCurrent().navigate(route);

        Object view = UI.getCurrent().getCurrentView();
        if (allowed) {
            assertThat(view).isNotInstanceOfAny(AccessDeniedView.class, NotFoundView.class, LoginView.class);
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(route);
        } else {
            assertThat(view).isInstanceOfAny(AccessDeniedView.class, NotFoundView.class);
        }
    }
}
