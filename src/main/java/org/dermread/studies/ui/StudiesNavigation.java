package org.dermread.studies.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class StudiesNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(new NavigationEntry("nav.coordinator", CoordinatorHomeView.class, VaadinIcon.FOLDER_OPEN, 100, true));
    }
}
