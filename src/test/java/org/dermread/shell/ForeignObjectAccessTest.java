package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages addressed by the id of an object that belongs to someone else (a study another coordinator runs, a
 * participation of another reader, a case of the library), for every role and for anonymous visitors, generated
 * from one table: the page opens only for the roles the table names, everyone else gets an error page or the
 * login, never the object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignObjectAccessTest extends KaribuTest {

    /** Page (with {id} for the foreign object) → roles that may open it although they do not own the object. */
    static final Map<String, Set<Role>> PAGES = Map.of(
            "results/{study}", EnumSet.of(Role.STATISTICIAN, Role.ADMIN),
            "coordinator/studies/{study}", EnumSet.of(Role.ADMIN),
            "reading/{participation}/unaided", EnumSet.noneOf(Role.class),
            "reading/{participation}/done", EnumSet.noneOf(Role.class),
            "coordinator/cases/{case}", EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.STATISTICIAN));

    @Autowired
    TestStudies studies;

    TestStudy foreignStudy;
    long foreignParticipation;

    @BeforeEach
    void someoneElsesStudy() {
        if (foreignStudy != null) {
            return;
        }
        Account owner = testAccounts.create("owner-coord", Role.COORDINATOR);
        foreignStudy = studies.openStudy(owner, 3, List.of("MN", "BCC", "SK", "DF"), Options.defaults());
        Account otherReader = testAccounts.create("owner-reader", Role.READER);
        studies.giveProfile(otherReader, 3);
        foreignParticipation = studies.invite(foreignStudy, otherReader, 1);
    }

    Stream<Arguments> pageAndRole() {
        return PAGES.entrySet().stream().flatMap(page -> Stream.concat(
                EnumSet.allOf(Role.class).stream().map(role -> Arguments.of(page.getKey(), role,
                        page.getValue().contains(role))),
                Stream.of(Arguments.of(page.getKey(), null, false))));
    }

    @ParameterizedTest(name = "{1} on /{0}: allowed={2}")
    @MethodSource("pageAndRole")
    void only_the_named_roles_open_someone_elses_object(String page, Role role, boolean allowed) {
        String route = page.replace("{study}", String.valueOf(foreignStudy.studyId()))
                .replace("{participation}", String.valueOf(foreignParticipation))
                .replace("{case}", String.valueOf(foreignStudy.caseIds().get(0)));
        if (role != null) {
            Account account = testAccounts.create("visitor-" + role.name().toLowerCase(), role);
            studies.giveProfile(account, 5);
            login(account);
        }

        UI.getCurrent().navigate(route);

        Object view = UI.getCurrent().getCurrentView();
        if (allowed) {
            assertThat(view).isNotInstanceOfAny(AccessDeniedView.class, NotFoundView.class, LoginView.class,
                    InternalErrorView.class);
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(route);
        } else if (role == null) {
            assertThat(view).isInstanceOf(LoginView.class);
        } else {
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).as(
                    "the object's page must not open").satisfiesAnyOf(
                            path -> assertThat(view).isInstanceOfAny(AccessDeniedView.class, NotFoundView.class),
                            path -> assertThat(path).isNotEqualTo(route));
        }
    }
}
