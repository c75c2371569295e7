package org.dermread.reading;

/** A case's image exactly as stored: its bytes and media type. */
public record CaseImage(byte[] bytes, String mediaType) {
}
