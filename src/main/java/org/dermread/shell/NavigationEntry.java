package org.dermread.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One item of the side navigation; shown only to users whose roles grant access to {@code view}. A user's
 * landing page is the first landing entry (by {@code order}) they may open.
 */
public record NavigationEntry(String labelKey, Class<? extends Component> view, VaadinIcon icon, int order,
        boolean landing) {
}
