package org.dermread.stats;

/**
 * A reader and the experience fields of the export bundle's readers.csv. Unknown numbers are NaN, unknown text
 * is empty.
 */
public record StudyReader(String id, double yearsDermatology, double yearsDermoscopy, String boardCertified,
                          String title, String hospitalLevel) {

    public StudyReader {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a reader needs an id");
        }
        boardCertified = boardCertified == null ? "" : boardCertified;
        title = title == null ? "" : title;
        hospitalLevel = hospitalLevel == null ? "" : hospitalLevel;
    }

    /** A reader known only by id (no experience recorded). */
    public static StudyReader unknown(String id) {
        return new StudyReader(id, Double.NaN, Double.NaN, "", "", "");
    }
}
