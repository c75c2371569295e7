package org.dermread.inference.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class InferenceNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                new NavigationEntry("inference.nav.runs", AiRunsView.class, VaadinIcon.AUTOMATION, 400, false),
                new NavigationEntry("inference.nav.models", ModelsView.class, VaadinIcon.CUBES, 410, false));
    }
}
