package org.dermread.cases;

/**
 * A taxonomy to create (its diagnoses are added one by one afterwards).
 *
 * @param code      1-32 lower-case letters, digits, '-' or '_' (how bundles and manifests name it)
 * @param reference the publication it follows, optional
 */
public record NewTaxonomy(String code, String version, String nameEn, String nameZh, String reference) {

    public NewTaxonomy {
        code = strip(code);
        version = strip(version);
        nameEn = strip(nameEn);
        nameZh = strip(nameZh);
        reference = strip(reference);
        if (reference.isEmpty()) {
            reference = null;
        }
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
