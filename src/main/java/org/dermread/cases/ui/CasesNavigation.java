package org.dermread.cases.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * The case library as its own entry for administrators who are not coordinators: coordinators reach it through
 * their landing page's menu, statisticians through a study's results.
 */
@Component
class CasesNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        if (CurrentUser.hasRole(Role.ADMIN) && !CurrentUser.hasRole(Role.COORDINATOR)) {
            return List.of(new NavigationEntry("cases.nav.library", CaseLibraryView.class, VaadinIcon.PICTURE, 105,
                    false));
        }
        return List.of();
    }
}
