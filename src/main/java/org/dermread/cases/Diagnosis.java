package org.dermread.cases;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One diagnosis of a taxonomy: its code (one row of the {@code diagnosis} registry that every table refers to), its
 * position in the taxonomy's order (for Zhu et al., Front. Med. 2021, the paper's and the model contract's order),
 * its English and Chinese names, its group for the binary analysis and its parent in a hierarchy (both optional).
 *
 * @param group  the group (malignant, benign, ...), or null when the taxonomy gives none
 * @param parent the parent diagnosis's code, or null
 */
public record Diagnosis(String code, int position, String nameEn, String nameZh, DiagnosisGroup group,
        String parent) {

    public Diagnosis {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(nameZh);
    }

    /** A diagnosis without group or parent. */
    public Diagnosis(String code, int position, String nameEn, String nameZh) {
        this(code, position, nameEn, nameZh, null, null);
    }

    /** The name in the given language (Chinese for any zh locale, else English). */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    /** "MN · melanocytic nevus" style label for pickers and grids. */
    public String label(Locale locale) {
        return code + " · " + name(locale);
    }

    public Optional<DiagnosisGroup> groupIfAny() {
        return Optional.ofNullable(group);
    }

    public Optional<String> parentIfAny() {
        return Optional.ofNullable(parent);
    }
}
