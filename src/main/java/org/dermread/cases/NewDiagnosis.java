package org.dermread.cases;

/**
 * A diagnosis to add to a taxonomy: a new code (with both names), or a code the registry already has, such as DF
 * (its names are the registry's; blank names here mean "as registered").
 *
 * @param group  optional
 * @param parent optional; a code already in the same taxonomy
 */
public record NewDiagnosis(String taxonomy, String code, String nameEn, String nameZh, DiagnosisGroup group,
        String parent) {

    public NewDiagnosis {
        taxonomy = NewTaxonomy.strip(taxonomy);
        code = NewTaxonomy.strip(code);
        nameEn = NewTaxonomy.strip(nameEn);
        nameZh = NewTaxonomy.strip(nameZh);
        parent = NewTaxonomy.strip(parent);
        if (parent.isEmpty()) {
            parent = null;
        }
    }
}
