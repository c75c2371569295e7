package org.dermread.accounts;

import org.dermread.common.UserFacingException;

/** A request about accounts that cannot be carried out; the key names the reason. */
public class AccountException extends UserFacingException {

    public AccountException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
