package org.dermread.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The frame around every signed-in page: title, side navigation filtered by the user's roles, language choice,
 * user name and sign-out. It knows no feature: the pages come from {@link NavigationContributor}s, the user from
 * the {@link SignedInUserSource}, detours (such as a forced password change) from {@link NavigationGuard}s, and
 * banners (demo mode, a password someone reset) from {@link PageBanner}s.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final List<NavigationGuard> guards;

    public MainLayout(SignedInUserSource users, AuthenticationContext authentication,
            AccessAnnotationChecker accessChecker, List<NavigationContributor> contributors,
            List<NavigationGuard> guards, List<PageBanner> banners) {
        this.guards = guards;
        SignedInUser me = users.current();
        LanguageSelect.applyAfterSignIn(me, users::rememberLocale);

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("app-title");
        Span user = new Span(me.displayName());
        user.addClassName("app-user");
        Button logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        LanguageSelect language = new LanguageSelect(users::rememberLocale);

        HorizontalLayout right = new HorizontalLayout(language, user, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("app-navbar-right");
        addToNavbar(new DrawerToggle(), title);
        banners.stream().map(PageBanner::create).flatMap(Optional::stream).forEach(banner -> {
            banner.getElement().getClassList().add("page-banner");
            addToNavbar(banner);
        });
        addToNavbar(right);

        SideNav nav = new SideNav();
        nav.setId("side-nav");
        contributors.stream()
                .flatMap(contributor -> contributor.entries().stream())
                .filter(entry -> accessChecker.hasAccess(entry.view()))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.labelKey()),
                        RouteConfiguration.forSessionScope().getUrl(entry.view()), entry.icon().create())));
        addToDrawer(new Scroller(nav));
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        guards.stream()
                .map(guard -> guard.detour(event.getNavigationTarget()))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(event::forwardTo);
    }
}
