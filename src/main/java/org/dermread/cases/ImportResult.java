package org.dermread.cases;

/**
 * What an accepted import did.
 *
 * @param sourceId      the library source (new, or the one that already held exactly this set)
 * @param alreadyPresent true when the same set had been imported before and nothing changed
 * @param cases         the number of cases of the set
 */
public record ImportResult(long sourceId, String name, boolean alreadyPresent, int cases) {
}
