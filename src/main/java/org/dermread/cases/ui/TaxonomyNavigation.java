package org.dermread.cases.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

/** The taxonomies as their own entry for administrators who are not coordinators (coordinators use their menu). */
@Component
class TaxonomyNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        if (CurrentUser.hasRole(Role.ADMIN) && !CurrentUser.hasRole(Role.COORDINATOR)) {
            return List.of(new NavigationEntry("taxonomy.menu", TaxonomiesView.class, VaadinIcon.LIST_OL, 106,
                    false));
        }
        return List.of();
    }
}
