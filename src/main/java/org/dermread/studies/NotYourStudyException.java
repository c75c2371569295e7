package org.dermread.studies;

/** The signed-in person may not manage (or see) this study or case set. */
public class NotYourStudyException extends StudyException {

    public NotYourStudyException() {
        super("studies.error.not-allowed");
    }
}
