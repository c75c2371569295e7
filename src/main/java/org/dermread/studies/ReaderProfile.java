package org.dermread.studies;

import java.util.Objects;

/**
 * A reader's experience, by which results are split (beginner &lt; 3 years, intermediate 3-10, expert &gt; 10, after
 * Tschandl et al., Lancet Oncol 2019). The one type for it: a coordinator enters it when creating readers, a reader
 * on their own profile page, and a participation keeps a copy when the reader starts; the validation here is the
 * only one, so no path can store a profile that another path refuses to read.
 */
public record ReaderProfile(int yearsDermatology, int yearsDermoscopy, boolean boardCertified, ReaderTitle title,
        HospitalLevel hospitalLevel) {

    /** A career is shorter than this; more is a typing mistake. */
    public static final int MAX_YEARS = 70;

    public ReaderProfile {
        if (yearsDermatology < 0 || yearsDermatology > MAX_YEARS) {
            throw new ReaderProfileException(ReaderField.YEARS_DERMATOLOGY, "studies.profile.error.years-dermatology",
                    yearsDermatology);
        }
        if (yearsDermoscopy < 0 || yearsDermoscopy > MAX_YEARS) {
            throw new ReaderProfileException(ReaderField.YEARS_DERMOSCOPY, "studies.profile.error.years-dermoscopy",
                    yearsDermoscopy);
        }
        if (yearsDermoscopy > yearsDermatology) {
            throw new ReaderProfileException(ReaderField.YEARS_DERMOSCOPY, "studies.profile.error.dermoscopy-longer",
                    yearsDermoscopy, yearsDermatology);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hospitalLevel, "hospitalLevel");
    }
}
