package org.dermread.reading;

/** An answer as the reader gave it. */
public record GivenAnswer(String diagnosis, Integer confidence) {
}
