package org.dermread.cases;

import java.util.Locale;
import java.util.Objects;

/**
 * One class of the taxonomy of Zhu et al., Front. Med. 2021: its code, its position in the paper's (and the model
 * contract's) order, and its English and Chinese names.
 */
public record Diagnosis(String code, int position, String nameEn, String nameZh) {

    public Diagnosis {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(nameZh);
    }

    /** The name in the given language (Chinese for any zh locale, else English). */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    /** "MN · melanocytic nevus" style label for pickers and grids. */
    public String label(Locale locale) {
        return code + " · " + name(locale);
    }
}
