package org.dermread.common;

import java.util.Arrays;

/**
 * A request that cannot be carried out, for a reason the user can act on. Carries a translation key and its
 * arguments so the page can say why in the user's language; {@link #getMessage()} is the key with its
 * arguments, for logs.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
