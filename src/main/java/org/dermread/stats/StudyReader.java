package org.dermread.stats;

/**
 * A reader and the experience fields of the export bundle's readers.csv. Unknown numbers are NaN, unknown text
 * is empty.
 *
 * @param phaseOrder which phase the reader read first in a crossover design ({@code unaided_first} or
 *                   {@code aided_first}), empty when unknown or the study had one phase. An attribute of the reader:
 *                   the modalities stay "unaided" and "aided" whatever the order.
 * @param arm        the arm of a collaboration study (which form of AI help the reader had in the aided phase), its
 *                   code as in {@code arms.csv}; empty when the study has no arms
 */
public record StudyReader(String id, double yearsDermatology, double yearsDermoscopy, String boardCertified,
                          String title, String hospitalLevel, String phaseOrder, String arm) {

    public StudyReader {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a reader needs an id");
        }
        boardCertified = boardCertified == null ? "" : boardCertified;
        title = title == null ? "" : title;
        hospitalLevel = hospitalLevel == null ? "" : hospitalLevel;
        phaseOrder = phaseOrder == null ? "" : phaseOrder;
        arm = arm == null ? "" : arm;
    }

    /** A reader of a study without arms. */
    public StudyReader(String id, double yearsDermatology, double yearsDermoscopy, String boardCertified,
            String title, String hospitalLevel, String phaseOrder) {
        this(id, yearsDermatology, yearsDermoscopy, boardCertified, title, hospitalLevel, phaseOrder, "");
    }

    /** A reader whose phase order is not known. */
    public StudyReader(String id, double yearsDermatology, double yearsDermoscopy, String boardCertified,
            String title, String hospitalLevel) {
        this(id, yearsDermatology, yearsDermoscopy, boardCertified, title, hospitalLevel, "");
    }

    /** A reader known only by id (no experience recorded). */
    public static StudyReader unknown(String id) {
        return new StudyReader(id, Double.NaN, Double.NaN, "", "", "");
    }
}
