package org.dermread.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature has to say on the sign-in page, below the form (that demo accounts exist, for one). Runs for
 * anonymous visitors, so it must reveal nothing that is not meant for everyone.
 */
public interface LoginNotice {

    /** The notice to show now, or empty when there is nothing to say. */
    Optional<Component> create();
}
