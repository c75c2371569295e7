package org.dermread.studies;

/** A reader profile that cannot be right; names the field at fault. */
public class ReaderProfileException extends StudyException {

    private final ReaderField field;

    public ReaderProfileException(ReaderField field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public ReaderField field() {
        return field;
    }
}
