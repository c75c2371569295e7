package org.dermread.reading;

import java.util.Objects;

/**
 * A reader's experience, used to split results (e.g. beginner &lt; 3 years, intermediate 3-10, expert &gt; 10, after
 * Tschandl et al., Lancet Oncol 2019).
 */
public record ReaderProfile(int yearsDermatology, int yearsDermoscopy, boolean boardCertified, Title title,
        HospitalLevel hospitalLevel) {

    public ReaderProfile {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hospitalLevel, "hospitalLevel");
        if (yearsDermatology < 0 || yearsDermatology > 70 || yearsDermoscopy < 0 || yearsDermoscopy > 70) {
            throw new ReadingException("reading.profile.error.years");
        }
        if (yearsDermoscopy > yearsDermatology) {
            throw new ReadingException("reading.profile.error.dermoscopy-longer");
        }
    }

    /** Clinical titles in Chinese hospitals: 住院医师, 主治医师, 副主任医师, 主任医师. */
    public enum Title { RESIDENT, ATTENDING, ASSOCIATE_CHIEF, CHIEF }

    /** Kind of hospital: 三级甲等, 三级, 二级, 一级, private, other. */
    public enum HospitalLevel { TERTIARY_A, TERTIARY, SECONDARY, PRIMARY, PRIVATE, OTHER }
}
