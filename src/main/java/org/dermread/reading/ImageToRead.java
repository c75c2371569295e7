package org.dermread.reading;

/** The image of a case in the reader's study, to show on the reading page: its bytes as stored and media type. */
public record ImageToRead(byte[] bytes, String mediaType) {
}
