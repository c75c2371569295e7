package org.dermread.analysis.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.shell.LandingPage;

/** Landing page of the statistician role. */
@Route("statistics")
@RolesAllowed(Role.Names.STATISTICIAN)
public class StatisticsHomeView extends LandingPage {

    public StatisticsHomeView() {
        super("statistics-home", "statistics.title", "statistics.intro");
    }
}
