package org.dermread.reading;

import org.dermread.common.UserFacingException;

/** A reading request that cannot be carried out; the key names the reason. */
public class ReadingException extends UserFacingException {

    public ReadingException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
