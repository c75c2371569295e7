package org.dermread.analysis.figures;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dermread.bundle.StudyTables;

/**
 * The names of a study's classes in its taxonomy, in English and Chinese, by code, as the bundle's
 * {@code labels.csv} holds them: figures label a class by its name in their language ("MEL (melanoma)"), and by
 * its code alone only where space is short (the axes of a confusion matrix, which then carry a key). A bundle with
 * codes only (written before taxonomies became data) gives {@link #NONE}, and figures fall back to the codes.
 */
public final class ClassNames {

    /** No names: figures show the codes. */
    public static final ClassNames NONE = new ClassNames(Map.of());

    private final Map<String, StudyTables.LabelRecord> names;

    private ClassNames(Map<String, StudyTables.LabelRecord> names) {
        this.names = names;
    }

    /** The names of these labels, by code. */
    public static ClassNames of(Map<String, StudyTables.LabelRecord> names) {
        return names.isEmpty() ? NONE : new ClassNames(Map.copyOf(names));
    }

    /** The names of these labels (the snapshot's list of them). */
    public static ClassNames of(Collection<StudyTables.LabelRecord> labels) {
        Map<String, StudyTables.LabelRecord> byCode = new LinkedHashMap<>();
        labels.forEach(label -> byCode.put(label.code(), label));
        return of(byCode);
    }

    /** Whether the class has a name (else only its code is known). */
    public boolean named(String code) {
        return !name(code, FigureText.ENGLISH).equals(code);
    }

    /** The class's name in the language (Chinese for any zh locale), or its code when it has none. */
    public String name(String code, Locale locale) {
        StudyTables.LabelRecord label = names.get(code);
        if (label == null) {
            return code;
        }
        String name = "zh".equals(locale.getLanguage()) ? label.nameZh() : label.nameEn();
        return name == null || name.isBlank() ? code : name;
    }

    /**
     * The code with the name, "MEL (melanoma)" or "MEL（黑色素瘤）", or the code when it has no name. Plain ASCII
     * around the name: English text in a figure's PDF is set in a standard PDF font, which has no middle dot.
     */
    public String full(String code, Locale locale) {
        String name = name(code, locale);
        if (name.equals(code)) {
            return code;
        }
        return "zh".equals(locale.getLanguage()) ? code + "（" + name + "）" : code + " (" + name + ")";
    }
}
