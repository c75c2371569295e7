package org.dermread.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.AccountNotice;
import org.dermread.accounts.AccountService;
import org.dermread.shell.LoginNotice;
import org.dermread.shell.NavigationGuard;
import org.dermread.shell.PageBanner;
import org.dermread.shell.SignedInUser;
import org.dermread.shell.SignedInUserSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What accounts add to the shell, which knows no feature: who is signed in, the forced password change before
 * any other page, the sign-in page's word on demo mode, a banner on every page while demo accounts exist, and the
 * notice that someone else reset one's password.
 */
@Configuration(proxyBeanMethods = false)
class ShellContributions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

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

    /** In demo mode the sign-in page says so and where the demo accounts' password is (not which names exist). */
    @Bean
    LoginNotice demoAccountsNotice(AccountBootstrap bootstrap) {
        return () -> bootstrap.demoAccountsExist() ? Optional.of(demoHint()) : Optional.empty();
    }

    /** While demo accounts exist, every page says that this installation is a demo with a shared password. */
    @Bean
    PageBanner demoModeBanner(AccountBootstrap bootstrap) {
        return () -> {
            if (!bootstrap.demoAccountsExist()) {
                return Optional.empty();
            }
            Span banner = new Span();
            banner.setId("demo-banner");
            banner.setText(banner.getTranslation("security.demo.banner"));
            return Optional.of(banner);
        };
    }

    /** Someone else reset the password: the owner is told at the next sign-in, until they dismiss it. */
    @Bean
    PageBanner passwordResetNotice(AccountService accounts) {
        return () -> {
            List<AccountNotice> notices = accounts.myNotices();
            if (notices.isEmpty()) {
                return Optional.empty();
            }
            AccountNotice last = notices.get(notices.size() - 1);
            Div notice = new Div();
            notice.setId("reset-notice");
            Span text = new Span(notice.getTranslation("security.notice.password-reset", last.by(),
                    WHEN.format(last.at()), notices.size()));
            Button dismiss = new Button(notice.getTranslation("security.notice.dismiss"), click -> {
                accounts.dismissMyNotices();
                notice.setVisible(false);
            });
            dismiss.setId("dismiss-notice");
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            notice.add(text, dismiss);
            return Optional.of(notice);
        };
    }

    private static Div demoHint() {
        Div demo = new Div();
        demo.setId("demo-hint");
        demo.addClassName("demo-hint");
        demo.add(new Paragraph(demo.getTranslation("login.demo.title")));
        demo.add(new Paragraph(demo.getTranslation("login.demo.password")));
        return demo;
    }
}
