package org.dermread.cases;

import java.util.List;

/**
 * The columns of a study set's {@code manifest.csv} (study-sets/README.md), owned here so that the importer's checks
 * and the import page's description of the format are the same list.
 */
public final class ManifestFormat {

    /** The header, exactly and in this order. */
    public static final List<String> COLUMNS = List.of("case_id", "image", "diagnosis", "age", "sex", "body_site",
            "confirmation");
    /** An optional last column: the lesion an image shows (several images of one lesion stay together). */
    public static final String LESION_ID = "lesion_id";
    /** Every column a manifest may have, in order: {@link #COLUMNS}, then optionally {@link #LESION_ID}. */
    public static final List<String> ALL_COLUMNS = List.of("case_id", "image", "diagnosis", "age", "sex",
            "body_site", "confirmation", LESION_ID);
    /** Columns that may not be empty. */
    public static final List<String> REQUIRED = List.of("case_id", "image", "diagnosis");
    /** The values of {@code confirmation} besides empty: how the diagnosis was established. */
    public static final List<String> CONFIRMATIONS = List.of("histopathology", "expert_consensus",
            "clinical_follow_up", "single_expert");

    private ManifestFormat() {
    }
}
