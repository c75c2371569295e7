package org.dermread.inference;

/** Stops progress updates of a run (call it when the page that shows them goes away). */
@FunctionalInterface
public interface RunSubscription {

    void cancel();
}
