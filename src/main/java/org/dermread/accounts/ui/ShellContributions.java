package org.dermread.accounts.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.AccountService;
import org.dermread.shell.LoginNotice;
import org.dermread.shell.NavigationGuard;
import org.dermread.shell.SignedInUser;
import org.dermread.shell.SignedInUserSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What accounts add to the shell, which knows no feature: who is signed in, the forced password change before
 * any other page, and the sign-in page's word on demo accounts.
 */
@Configuration(proxyBeanMethods = false)
class ShellContributions {

    @Bean
    SignedInUserSource signedInUser(AccountService accounts) {
        return new SignedInUserSource() {
            @Override
            public SignedInUser current() {
                Account me = accounts.currentAccount();
                return new SignedInUser(me.displayName(), Optional.ofNullable(me.locale()));
            }

            @Override
            public void rememberLocale(Locale locale) {
                accounts.changeOwnLocale(locale);
            }
        };
    }

    /** A first sign-in or a reset password leads to the password page before any other page. */
    @Bean
    NavigationGuard passwordChangeFirst(AccountService accounts) {
        return target -> target != ChangePasswordView.class && accounts.currentAccount().mustChangePassword()
                ? Optional.of(ChangePasswordView.class) : Optional.empty();
    }

    /** In demo mode the sign-in page says which demo accounts exist and where their password is. */
    @Bean
    LoginNotice demoAccountsNotice(AccountBootstrap bootstrap) {
        return () -> bootstrap.demoAccountsExist() ? Optional.of(demoHint()) : Optional.empty();
    }

    private static Div demoHint() {
        Div demo = new Div();
        demo.setId("demo-hint");
        demo.addClassName("demo-hint");
        demo.add(new Paragraph(demo.getTranslation("login.demo.title")));
        demo.add(new Paragraph(demo.getTranslation("login.demo.accounts")));
        demo.add(new Paragraph(demo.getTranslation("login.demo.password")));
        return demo;
    }
}
