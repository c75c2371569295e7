package org.dermread.reading.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.shell.LandingPage;

/** Landing page of the reader role. */
@Route("reader")
@RolesAllowed(Role.Names.READER)
public class ReaderHomeView extends LandingPage {

    public ReaderHomeView() {
        super("reader-home", "reader.title", "reader.intro");
    }
}
