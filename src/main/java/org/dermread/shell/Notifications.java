package org.dermread.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.dermread.common.UserFacingException;

/**
 * Short messages in the user's language: successes at the bottom start, errors at the top end. An error is about the
 * form the user just sent, which sits in the page's middle and starts at its left; a notification in the middle of the
 * screen covered the very fields and buttons it was about, so errors go to the corner farthest from them.
 */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void error(UserFacingException exception) {
        error(UI.getCurrent().getTranslation(exception.messageKey(), exception.arguments()));
    }
}
