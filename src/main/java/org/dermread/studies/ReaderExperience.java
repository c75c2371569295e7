package org.dermread.studies;

import java.util.Objects;

/** A reader's experience, by which results are split (beginner < 3 years, intermediate 3-10, expert > 10). */
public record ReaderExperience(int yearsDermatology, int yearsDermoscopy, boolean boardCertified, ReaderTitle title,
        HospitalLevel hospitalLevel) {

    public ReaderExperience {
        if (yearsDermatology < 0 || yearsDermatology > 70 || yearsDermoscopy < 0 || yearsDermoscopy > 70) {
            throw new StudyException("studies.readers.error.years");
        }
        Objects.requireNonNull(title);
        Objects.requireNonNull(hospitalLevel);
    }
}
