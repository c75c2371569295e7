package org.dermread.cases;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and places for study-set imports ({@code dermread.import.*}).
 *
 * @param maxImageBytes  largest image file accepted
 * @param maxImagePixels largest width x height accepted (checked from the header before decoding)
 * @param maxTotalBytes  largest total of a set, counted while unpacking a ZIP (never from declared sizes)
 * @param maxEntries     most files (ZIP entries) in a set
 * @param folderRoots    server folders under which the web page may import a folder (the command line may import
 *                       any folder)
 * @param demoSet        the synthetic study set that demo mode imports at first start
 */
@ConfigurationProperties("dermread.import")
public record ImportProperties(
        @DefaultValue("20000000") long maxImageBytes,
        @DefaultValue("50000000") long maxImagePixels,
        @DefaultValue("1000000000") long maxTotalBytes,
        @DefaultValue("20000") int maxEntries,
        @DefaultValue("./study-sets") List<Path> folderRoots,
        @DefaultValue("./study-sets/demo") Path demoSet) {

    public ImportProperties {
        if (maxImageBytes <= 0 || maxImagePixels <= 0 || maxTotalBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("dermread.import limits must be positive");
        }
        folderRoots = List.copyOf(folderRoots);
    }

    /** The same limits with other numbers, for tests and the command line. */
    public ImportProperties withLimits(long imageBytes, long imagePixels, long totalBytes, int entries) {
        return new ImportProperties(imageBytes, imagePixels, totalBytes, entries, folderRoots, demoSet);
    }
}
