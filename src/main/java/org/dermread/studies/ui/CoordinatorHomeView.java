package org.dermread.studies.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.shell.LandingPage;

/** Landing page of the coordinator role. */
@Route("coordinator")
@RolesAllowed(Role.Names.COORDINATOR)
public class CoordinatorHomeView extends LandingPage {

    public CoordinatorHomeView() {
        super("coordinator-home", "coordinator.title", "coordinator.intro");
    }
}
