package org.dermread.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature has to say at the top of every signed-in page (that this installation holds demo accounts
 * with a shared password, or that someone reset the person's password). The frame asks every bean of this type
 * each time it is built, i.e. at each sign-in and page load.
 */
public interface PageBanner {

    /** The banner to show now, or empty when there is nothing to say. */
    Optional<Component> create();
}
