package org.dermread.reading.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;

/**
 * Closes the notifications still open in the reader's browser tab. An error shown about one case or page must not
 * stay on screen over the next one, where it reads as if saving that one had failed.
 */
final class StaleMessages {

    private StaleMessages() {
    }

    static void close(UI ui) {
        ui.getChildren().filter(Notification.class::isInstance).map(Notification.class::cast).toList()
                .forEach(Notification::close);
    }
}
