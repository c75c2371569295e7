package org.dermread.inference;

import java.time.Instant;
import java.util.List;

/**
 * A model in the registry.
 *
 * @param sha256       SHA-256 of the TorchScript file (its identity; the file is {@code <sha256>.pt} in the store)
 * @param taxonomy     the taxonomy its classes come from
 * @param classes      its classes (codes of {@code taxonomy}) in output order
 * @param registeredBy user name of whoever registered it; empty for the demo model registered at start
 */
public record RegisteredModel(String sha256, String name, String version, String architecture, String taxonomy,
        List<String> classes, int embeddingDim, long sizeBytes, String manifestJson, String registeredBy,
        Instant registeredAt) {

    public RegisteredModel {
        classes = List.copyOf(classes);
    }

    /** Name and version, as people refer to the model. */
    public String label() {
        return name + " " + version;
    }
}
