package org.dermread.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/** The root address: forwards each user to the landing page of their first role (the first page they may use). */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final AccessAnnotationChecker accessChecker;
    private final List<NavigationContributor> contributors;

    public HomeView(AccessAnnotationChecker accessChecker, List<NavigationContributor> contributors) {
        this.accessChecker = accessChecker;
        this.contributors = contributors;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        contributors.stream()
                .flatMap(contributor -> contributor.entries().stream())
                .filter(entry -> entry.landing() && accessChecker.hasAccess(entry.view()))
                .min(Comparator.comparingInt(NavigationEntry::order))
                .ifPresentOrElse(entry -> event.forwardTo(entry.view()),
                        () -> event.forwardTo(NoRoleView.class));
    }
}
