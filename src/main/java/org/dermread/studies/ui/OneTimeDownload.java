package org.dermread.studies.ui;

import java.util.Optional;

/**
 * Content that may be taken once: one-time passwords leave the server at most one time as a file, and are not kept
 * in the session after that (nor after the dialog that holds them is closed).
 */
final class OneTimeDownload {

    private byte[] content;

    OneTimeDownload(byte[] content) {
        this.content = content.clone();
    }

    /** The content the first time, empty ever after. */
    synchronized Optional<byte[]> take() {
        byte[] taken = content;
        content = null;
        return Optional.ofNullable(taken);
    }

    synchronized void discard() {
        content = null;
    }
}
