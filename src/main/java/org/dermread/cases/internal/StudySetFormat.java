package org.dermread.cases.internal;

import java.util.List;
import java.util.Set;
import org.dermread.cases.StudySetLayout;

/**
 * One layout of a study set on disk. Each layout reads its own files (its CSVs, an optional set.json) into
 * layout-neutral {@link Entry entries}, reporting the problems of its own files; {@link StudySetValidator} then checks
 * every entry the same way (case ids, the taxonomy's codes, lesions, images), so each layout gets the same
 * all-or-nothing validation, problem reports and limits.
 */
interface StudySetFormat {

    StudySetLayout layout();

    /** Whether the set's top-level files look like this layout (reads nothing but their names and CSV headers). */
    boolean recognises(TopLevel top);

    /** The set's description and cases; problems go to {@code problems}. Never null. */
    Manifest read(StudySetFiles files, TopLevel top, Reading reading);

    /**
     * One case as its layout describes it, values already mapped to DermRead's (diagnosis code of the taxonomy, F/M,
     * confirmation); a value the layout refused is null, its problem already reported.
     *
     * @param file  the file and line the case comes from, for problem reports
     * @param image path of the image inside the set as the layout names it, or null when the layout found none (its
     *              problem already reported)
     */
    record Entry(String file, int line, String caseId, String image, String diagnosis, Integer age, String sex,
            String bodySite, String confirmation, String lesionId) {
    }

    /**
     * What a layout read.
     *
     * @param taxonomy          the taxonomy the diagnoses belong to
     * @param identity          the bytes that, with the images' hashes, identify the set's content (re-importing
     *                          the same content changes nothing)
     * @param ownFiles          files the layout read itself (CSVs, set.json), never "unnamed"
     * @param everyFileNamed    true: any other file not named by an entry is a problem (DermRead's rule); false:
     *                          only image files are (the public layouts come with licences and notes)
     * @param excusedImages     images of rows the layout skipped by its rules: neither stored nor "unnamed"
     * @param listFile          the file that lists the cases, named in "not listed" problems
     * @param skipped           rows skipped by the layout's rules
     */
    record Manifest(String name, String source, String description, boolean synthetic, String taxonomy,
            List<Entry> entries, List<byte[]> identity, Set<String> ownFiles, boolean everyFileNamed,
            Set<String> excusedImages, String listFile, int skipped) {

        /** Nothing could be read; DermRead's rule then still reports every file as unnamed, as it always did. */
        static Manifest empty(String listFile, boolean everyFileNamed) {
            return new Manifest(null, null, null, false, null, List.of(), List.of(),
                    listFile.equals(Reading.SET_JSON) ? Set.of(listFile) : Set.of(listFile, Reading.SET_JSON),
                    everyFileNamed, Set.of(), listFile, 0);
        }
    }
}
