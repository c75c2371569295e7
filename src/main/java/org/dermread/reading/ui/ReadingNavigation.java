package org.dermread.reading.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class ReadingNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(new NavigationEntry("nav.reader", ReaderHomeView.class, VaadinIcon.CLIPBOARD_CHECK, 300, true));
    }
}
