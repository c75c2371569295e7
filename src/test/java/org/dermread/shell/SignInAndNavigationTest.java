package org.dermread.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import java.util.Locale;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.accounts.ui.AccountsView;
import org.dermread.accounts.ui.ChangePasswordView;
import org.dermread.analysis.ui.StatisticsHomeView;
import org.dermread.cases.ui.CaseLibraryView;
import org.dermread.reading.ui.ReaderHomeView;
import org.dermread.studies.StudySummary;
import org.dermread.studies.ui.CoordinatorHomeView;
import org.dermread.studies.ui.StudiesView;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

class SignInAndNavigationTest extends KaribuTest {

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() {
        UI.getCurrent().navigate("reader");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Autowired
    TestStudies studies;

    @Test
    void each_role_lands_on_its_own_page() {
        Account reader = testAccounts.create("reader", Role.READER);
        studies.giveProfile(reader, 5);
        assertLanding(reader, "reader-home", "My studies");
        assertLanding(testAccounts.create("coord", Role.COORDINATOR), "coordinator-home", "Studies and cases");
        assertLanding(testAccounts.create("stat", Role.STATISTICIAN), "statistics-home", "Results");
        assertLanding(testAccounts.create("admin", Role.ADMIN), "accounts-view", null);
    }

    @Test
    void the_navigation_shows_each_role_only_its_own_pages() {
        assertThat(navigationFor(testAccounts.create("reader", Role.READER)))
                .containsExactly("My studies", "Change password");
        assertThat(navigationFor(testAccounts.create("coord", Role.COORDINATOR)))
                .containsExactly("Studies and cases", "Results", "AI runs", "AI models", "Accounts",
                        "Change password");
        assertThat(navigationFor(testAccounts.create("stat", Role.STATISTICIAN)))
                .containsExactly("Results", "AI runs", "AI models", "Change password");
        assertThat(navigationFor(testAccounts.create("admin", Role.ADMIN)))
                .containsExactly("Studies", "Case library", "Taxonomies", "Results", "AI runs", "AI models",
                        "Accounts", "Audit log", "Change password");
        assertThat(navigationFor(testAccounts.create("admin-coord", Role.ADMIN, Role.COORDINATOR)))
                .containsExactly("Studies and cases", "Results", "AI runs", "AI models", "Accounts", "Audit log",
                        "Change password");
        assertThat(navigationFor(testAccounts.create("both", Role.READER, Role.STATISTICIAN)))
                .containsExactly("Results", "My studies", "AI runs", "AI models", "Change password");
    }

    @Test
    void an_administrator_opens_the_coordinator_pages_and_every_study_but_still_lands_on_the_accounts_page() {
        Account coordinator = testAccounts.create("someone-elses", Role.COORDINATOR);
        TestStudies.TestStudy study = studies.openStudy(coordinator, 4, List.of("MN", "SK"),
                TestStudies.Options.defaults());
        Account admin = testAccounts.create("admin", Role.ADMIN);
        login(admin);

        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccountsView.class);

        UI.getCurrent().navigate("coordinator");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CoordinatorHomeView.class);
        assertThat(_get(Grid.class).getGenericDataView().getItems().map(item -> ((StudySummary) item).id()))
                .contains(study.studyId());

        UI.getCurrent().navigate("statistics");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(StatisticsHomeView.class);
        UI.getCurrent().navigate("coordinator/cases");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CaseLibraryView.class);
        UI.getCurrent().navigate("coordinator/studies");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(StudiesView.class);
    }

    @Test
    void a_first_sign_in_is_forced_to_change_the_password_before_anything_else() {
        Account reader = testAccounts.create("fresh", true, Role.READER);
        studies.giveProfile(reader, 5);
        login(reader);

        UI.getCurrent().navigate("reader");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ChangePasswordView.class);

        _setValue(_get(PasswordField.class, spec -> spec.withId("current-password")), TestAccounts.PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "A-New-Secret-42");
        _setValue(_get(PasswordField.class, spec -> spec.withId("repeat-password")), "A-New-Secret-42");
        _click(_get(Button.class, spec -> spec.withId("change-password")));

        UI.getCurrent().navigate("reader");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ReaderHomeView.class);
    }

    @Test
    void the_pages_speak_chinese_when_the_session_locale_is_chinese() {
        Account reader = testAccounts.create("reader", Role.READER);
        studies.giveProfile(reader, 5);
        login(reader);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        UI.getCurrent().navigate("reader");

        assertThat(_get(H2.class, spec -> spec.withId("landing-title")).getText()).isEqualTo("我的研究");
        assertThat(_get(Button.class, spec -> spec.withId("logout")).getText()).isEqualTo("退出登录");
    }

    private void assertLanding(Account account, String viewId, String title) {
        login(account);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView().getId()).contains(viewId);
        if (title != null) {
            assertThat(_get(H2.class, spec -> spec.withId("landing-title").withText(title))).isNotNull();
        }
        logout();
    }

    private List<String> navigationFor(Account account) {
        login(account);
        UI.getCurrent().navigate("");
        List<String> labels = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        logout();
        return labels;
    }

}
