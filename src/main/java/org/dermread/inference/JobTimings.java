package org.dermread.inference;

/**
 * Where a batch run spent its time, summed over the cases it computed: reading the image bytes, decoding them,
 * the model's forward pass (including the copy of inputs and outputs to and from libtorch), and storing results.
 */
public record JobTimings(int images, long loadNanos, long decodeNanos, long forwardNanos, long storeNanos,
        long wallNanos) {

    static final JobTimings NONE = new JobTimings(0, 0, 0, 0, 0, 0);

    JobTimings plus(int moreImages, long load, long decode, long forward, long store) {
        return new JobTimings(images + moreImages, loadNanos + load, decodeNanos + decode, forwardNanos + forward,
                storeNanos + store, wallNanos);
    }

    JobTimings withWall(long wall) {
        return new JobTimings(images, loadNanos, decodeNanos, forwardNanos, storeNanos, wall);
    }

    /** Images per second over the whole run, JPEG bytes in the database to stored probabilities. */
    public double imagesPerSecond() {
        return wallNanos == 0 ? 0 : images / (wallNanos / 1e9);
    }

    /** Share of the wall time spent outside the forward pass. */
    public double outsideForwardShare() {
        return wallNanos == 0 ? 0 : 1 - (double) forwardNanos / wallNanos;
    }

    /** Share of the wall time spent decoding images (the app's only preprocessing). */
    public double decodeShare() {
        return wallNanos == 0 ? 0 : (double) decodeNanos / wallNanos;
    }
}
