package org.dermread.accounts.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.dermread.shell.NavigationContributor;
import org.dermread.shell.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class AccountsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> entries() {
        return List.of(
                new NavigationEntry("nav.accounts", AccountsView.class, VaadinIcon.USERS, 900, true),
                new NavigationEntry("nav.password", ChangePasswordView.class, VaadinIcon.KEY, 990, false));
    }
}
