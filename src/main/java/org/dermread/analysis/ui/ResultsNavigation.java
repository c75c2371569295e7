package org.dermread.analysis.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class ResultsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(new NavigationEntry("nav.statistics", StatisticsHomeView.class, VaadinIcon.CHART, 200, true));
    }
}
