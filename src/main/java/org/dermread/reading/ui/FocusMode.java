package org.dermread.reading.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import java.util.Optional;

/** Focus mode of the reading page: the drawer closes while the reader reads and comes back as it was on leaving. */
final class FocusMode {

    private Boolean drawerWasOpen;

    /** The page was attached: close the drawer of the layout around it, remembering whether it was open. */
    void enter(Component page) {
        appLayout(page).ifPresent(layout -> {
            drawerWasOpen = layout.isDrawerOpened();
            layout.setDrawerOpened(false);
        });
    }

    /** The page is being detached: reopen the drawer if it was open on entering. */
    void leave(Component page) {
        if (Boolean.TRUE.equals(drawerWasOpen)) {
            appLayout(page).ifPresent(layout -> layout.setDrawerOpened(true));
        }
    }

    private static Optional<AppLayout> appLayout(Component page) {
        Optional<Component> parent = page.getParent();
        while (parent.isPresent()) {
            if (parent.get() instanceof AppLayout layout) {
                return Optional.of(layout);
            }
            parent = parent.get().getParent();
        }
        return Optional.empty();
    }
}
