package org.dermread.cases;

import org.dermread.common.UserFacingException;

/** A request about the case library that cannot be carried out; the key names the reason. */
public class CaseLibraryException extends UserFacingException {

    public CaseLibraryException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
