package org.dermread.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The body-site vocabularies of the public data sets, stored as the data set writes them and shown in the page's
 * language: HAM10000's {@code localization} (Tschandl et al., Sci Data 2018) and ISIC's {@code anatom_site_general}
 * (2019) and {@code anatom_site_general_challenge} (2020). Any other body site is free text and shown as written.
 */
public final class BodySites {

    /** Every value with a translation ({@code cases.body-site.<value with non-letters as ->}). */
    public static final Set<String> VOCABULARY = Set.of("abdomen", "acral", "back", "chest", "ear", "face", "foot",
            "genital", "hand", "lower extremity", "neck", "scalp", "trunk", "upper extremity", "anterior torso",
            "head/neck", "lateral torso", "oral/genital", "palms/soles", "posterior torso", "torso");

    private BodySites() {
    }

    /** The translation key of a known value (compared in lower case), or empty for free text. */
    public static Optional<String> translationKey(String bodySite) {
        if (bodySite == null) {
            return Optional.empty();
        }
        String value = bodySite.trim().toLowerCase(Locale.ROOT);
        return VOCABULARY.contains(value) ? Optional.of("cases.body-site." + value.replaceAll("[^a-z]+", "-"))
                : Optional.empty();
    }
}
