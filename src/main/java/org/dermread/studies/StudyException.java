package org.dermread.studies;

import org.dermread.common.UserFacingException;

/** A request about case sets or studies that cannot be carried out; the key names the reason. */
public class StudyException extends UserFacingException {

    public StudyException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
