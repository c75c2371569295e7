package org.dermread.inference.ui;

import com.vaadin.flow.component.Component;

/** A run's stored error: a translation key, then its arguments, separated by {@code |}. */
final class ErrorText {

    private ErrorText() {
    }

    static String of(Component component, String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        String[] parts = stored.split("\\|");
        Object[] arguments = new Object[parts.length - 1];
        System.arraycopy(parts, 1, arguments, 0, arguments.length);
        return component.getTranslation(parts[0], arguments);
    }
}
