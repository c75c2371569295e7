package org.dermread.cases;

/** The stored bytes of an image, exactly as imported, with their media type. */
public record CaseImage(String sha256, String mediaType, byte[] bytes) {
}
