package org.dermread.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Banners on every signed-in page: demo mode while demo accounts exist (issue 12, finding 7), and the notice that
 * someone reset the person's password, until they dismiss it (finding 2).
 */
class AccountBannersTest extends KaribuTest {

    @Autowired
    AccountBootstrap bootstrap;
    @Autowired
    AccountService accounts;

    @Test
    void every_page_says_demo_mode_while_demo_accounts_exist() {
        bootstrap.ensureDemoAccounts(PasswordPolicy.generate());
        login(testAccounts.create("stat", Role.STATISTICIAN));

        UI.getCurrent().navigate("statistics");

        assertThat(_get(Span.class, spec -> spec.withId("demo-banner")).getText()).contains("Demo mode");
    }

    @Test
    void a_reader_whose_password_was_reset_is_told_until_they_dismiss_it() {
        Account admin = testAccounts.create("admin", Role.ADMIN);
        Account reader = testAccounts.create("reset-reader", Role.STATISTICIAN);
        SignIn.as(admin);
        accounts.resetPassword(reader.id());
        SignIn.out();

        login(reader);
        UI.getCurrent().navigate("account/password");
        assertThat(_get(Div.class, spec -> spec.withId("reset-notice")).getElement().getTextRecursively())
                .contains(admin.username());
        _click(_get(Button.class, spec -> spec.withId("dismiss-notice")));

        UI.getCurrent().getPage().reload();
        login(reader);
        UI.getCurrent().navigate("account/password");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat(_find(Div.class, spec -> spec.withId("reset-notice"))).isEmpty();
    }
}
