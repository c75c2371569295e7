package org.dermread.cases;

/**
 * The layouts of a study set that the importer recognises from the files of a folder or ZIP (see
 * {@code study-sets/README.md}): DermRead's own, and the public dermoscopy data sets as they are distributed.
 */
public enum StudySetLayout {
    /** {@code manifest.csv} and {@code set.json}: DermRead's own format. */
    DERMREAD("dermread", "DermRead"),
    /** {@code HAM10000_metadata.csv} (Tschandl et al., Sci Data 2018) and the image folders. */
    HAM10000("ham10000", "HAM10000"),
    /** The ISIC 2018 task 3 one-hot ground truth ({@code image,MEL,NV,BCC,AKIEC,BKL,DF,VASC}). */
    ISIC_2018("isic2018", "ISIC 2018 task 3"),
    /** The ISIC 2019 one-hot ground truth ({@code image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC,UNK}). */
    ISIC_2019("isic2019", "ISIC 2019"),
    /** The ISIC 2020 {@code train.csv} ({@code image_name,...,diagnosis,benign_malignant,target}). */
    ISIC_2020("isic2020", "ISIC 2020");

    private final String id;
    private final String title;

    StudySetLayout(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The layout's own name, the same in every language (HAM10000, ISIC 2019). */
    public String title() {
        return title;
    }

    /** A short stable name, used in logs and translation keys ({@code cases.layout.<id>}). */
    public String id() {
        return id;
    }

    /** The translation key of the layout's name. */
    public String nameKey() {
        return "cases.layout." + id;
    }
}
