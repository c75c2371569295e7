package org.dermread.cases;

import java.util.Locale;
import java.util.Objects;

/**
 * A taxonomy: a named, versioned, ordered list of diagnoses (its diagnoses are read with
 * {@link Taxonomy#diagnoses(String)}).
 *
 * @param reference the publication it follows, or null
 * @param seeded    shipped with the application (Zhu et al. 2021, ISIC/HAM10000): a published list, kept as published
 * @param size      how many diagnoses it has
 */
public record TaxonomySummary(String code, String version, String nameEn, String nameZh, String reference,
        boolean seeded, int size) {

    public TaxonomySummary {
        Objects.requireNonNull(code);
        Objects.requireNonNull(version);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(nameZh);
    }

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    /** "ISIC 2018/2019 … (isic, 2019)" style label for pickers. */
    public String label(Locale locale) {
        return name(locale) + " (" + code + ", " + version + ")";
    }
}
