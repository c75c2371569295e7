package org.dermread.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Lets a feature hold a signed-in person on one page before they may open any other (a forced password change,
 * for one). The frame asks every bean of this type before each navigation and follows the first detour named.
 */
public interface NavigationGuard {

    /** The page to show instead of {@code target}, or empty to let the person through. */
    Optional<Class<? extends Component>> detour(Class<?> target);
}
