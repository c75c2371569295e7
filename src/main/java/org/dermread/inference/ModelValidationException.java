package org.dermread.inference;

import org.dermread.common.UserFacingException;

/**
 * A model (TorchScript file or manifest) that does not meet the model contract; the message key says exactly what
 * is wrong. Registration stops before anything is stored.
 */
public class ModelValidationException extends UserFacingException {

    public ModelValidationException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
