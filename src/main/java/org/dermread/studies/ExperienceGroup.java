package org.dermread.studies;

/**
 * Experience groups by years in dermatology: beginner &lt; 3 years, intermediate 3-10, expert &gt; 10 (after
 * Tschandl et al., Lancet Oncol 2019; the same cut points as the analysis, where 10 years is still
 * intermediate). A randomised phase order is balanced within each group.
 */
public enum ExperienceGroup {
    BEGINNER,
    INTERMEDIATE,
    EXPERT;

    public static ExperienceGroup of(ReaderProfile profile) {
        int years = profile.yearsDermatology();
        if (years < 3) {
            return BEGINNER;
        }
        return years <= 10 ? INTERMEDIATE : EXPERT;
    }
}
