package org.dermread.reading;

/**
 * A case the reader diagnosed wrongly, shown with its truth after the reader finished every phase, only when the
 * study's feedback lists such cases. {@code caseId} stays on the server (the page gets an opaque image address).
 */
public record WrongAnswer(Phase phase, long caseId, AnswerOption given, AnswerOption truth) {
}
