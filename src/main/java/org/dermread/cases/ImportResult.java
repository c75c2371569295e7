package org.dermread.cases;

/**
 * What an accepted import did.
 *
 * @param sourceId      the library source (new, or the one that already held exactly this set)
 * @param alreadyPresent true when the same set had been imported before and nothing changed
 * @param cases         the number of cases of the set
 * @param layout        the layout the set was recognised as
 * @param skipped       rows of a public layout left out by its documented rule (e.g. ISIC 2019's UNK), not imported
 * @param taxonomy      the taxonomy the set's diagnoses belong to
 */
public record ImportResult(long sourceId, String name, boolean alreadyPresent, int cases, StudySetLayout layout,
        int skipped, String taxonomy) {

    /** A DermRead-format set on the default taxonomy, nothing skipped. */
    public ImportResult(long sourceId, String name, boolean alreadyPresent, int cases) {
        this(sourceId, name, alreadyPresent, cases, StudySetLayout.DERMREAD, 0, Taxonomy.DEFAULT_TAXONOMY);
    }
}
