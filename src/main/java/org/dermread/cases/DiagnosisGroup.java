package org.dermread.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of disease a diagnosis is, for the group-level (binary) analysis that reader studies on skin cancer
 * report (sensitivity and specificity for malignancy; e.g. Haenssle et al., Ann. Oncol. 29:1836-1842, 2018). The
 * codes are those of {@code taxonomy_diagnosis.grp}.
 */
public enum DiagnosisGroup {
    MALIGNANT, PREMALIGNANT, BENIGN, INFLAMMATORY, INFECTIOUS;

    /** The code stored in the database and written to bundles. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DiagnosisGroup> fromCode(String code) {
        return Arrays.stream(values()).filter(group -> group.code().equals(code)).findFirst();
    }

    /**
     * Whether the group counts as positive in the binary malignant-vs-rest analysis. Premalignant lesions count as
     * positive: HAM10000's AKIEC is "actinic keratoses and intraepithelial carcinoma (Bowen's disease)" (Tschandl
     * et al., Sci. Data 5:180161, 2018), a lesion to treat or biopsy, not to dismiss. A documented choice; the
     * bundle names every class's group, so an analyst can regroup.
     */
    public boolean positiveForMalignancy() {
        return this == MALIGNANT || this == PREMALIGNANT;
    }
}
