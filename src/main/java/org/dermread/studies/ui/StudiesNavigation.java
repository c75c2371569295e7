package org.dermread.studies.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * Coordinators get their landing page (with its own menu of import, library, case sets, studies). Administrators
 * manage every study but their work starts on the accounts page, so an administrator who is not also a
 * coordinator gets the studies list as a plain entry instead (the case library comes from the cases feature).
 */
@Component
class StudiesNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        if (CurrentUser.hasRole(Role.COORDINATOR)) {
            return List.of(new NavigationEntry("nav.coordinator", CoordinatorHomeView.class, VaadinIcon.FOLDER_OPEN,
                    100, true));
        }
        return List.of(new NavigationEntry("studies.nav.studies", StudiesView.class, VaadinIcon.FOLDER_OPEN, 100, false));
    }
}
