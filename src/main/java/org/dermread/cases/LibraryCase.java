package org.dermread.cases;

/**
 * A case of the library as coordinators and statisticians see it, with its ground truth. Never handed to readers.
 */
public record LibraryCase(long id, long sourceId, String sourceName, boolean synthetic, String externalId,
        String imageSha256, String mediaType, int width, int height, String diagnosis, Integer age, String sex,
        String bodySite, String confirmation) {
}
