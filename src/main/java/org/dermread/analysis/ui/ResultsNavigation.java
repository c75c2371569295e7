package org.dermread.analysis.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

/** Results: the landing page of statisticians; an entry, not the landing page, for administrators. */
@Component
class ResultsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        boolean landing = !CurrentUser.hasRole(Role.ADMIN);
        return List.of(new NavigationEntry("nav.statistics", StatisticsHomeView.class, VaadinIcon.CHART, 200,
                landing));
    }
}
