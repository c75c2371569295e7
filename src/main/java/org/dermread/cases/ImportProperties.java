package org.dermread.cases;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and places for study-set imports ({@code dermread.import.*}).
 *
 * @param maxImageBytes     largest image file accepted
 * @param maxImagePixels    largest width x height accepted (checked from the header before decoding)
 * @param maxTotalBytes     largest total of a set, counted while unpacking a ZIP (never from declared sizes)
 * @param maxEntries        most files (ZIP entries) in a set
 * @param folderRoots       server folders under which the web page may import a folder (the command line may import
 *                          any folder); symbolic links are resolved before the check
 * @param demoSet           the synthetic study set that demo mode imports at first start; when this folder does not
 *                          exist, the copy inside the application (built from study-sets/demo) is imported
 * @param maxManifestRows   most cases (manifest rows below the header) in a set; a longer manifest is refused at once
 * @param maxManifestBytes  largest manifest.csv or set.json accepted
 */
@ConfigurationProperties("dermread.import")
public record ImportProperties(
        @DefaultValue("20000000") long maxImageBytes,
        @DefaultValue("50000000") long maxImagePixels,
        @DefaultValue("1000000000") long maxTotalBytes,
        @DefaultValue("20000") int maxEntries,
        @DefaultValue("./study-sets") List<Path> folderRoots,
        @DefaultValue("./study-sets/demo") Path demoSet,
        @DefaultValue("20000") int maxManifestRows,
        @DefaultValue("16000000") long maxManifestBytes) {

    public ImportProperties {
        if (maxImageBytes <= 0 || maxImagePixels <= 0 || maxTotalBytes <= 0 || maxEntries <= 0
                || maxManifestRows <= 0 || maxManifestBytes <= 0) {
            throw new IllegalArgumentException("dermread.import limits must be positive");
        }
        folderRoots = List.copyOf(folderRoots);
    }

    /** The defaults for the limits, with these folders. */
    public static ImportProperties defaults(List<Path> folderRoots, Path demoSet) {
        return new ImportProperties(20_000_000, 50_000_000, 1_000_000_000, 20_000, folderRoots, demoSet, 20_000,
                16_000_000);
    }

    /** The same limits with other numbers, for tests and the command line. */
    public ImportProperties withLimits(long imageBytes, long imagePixels, long totalBytes, int entries) {
        return new ImportProperties(imageBytes, imagePixels, totalBytes, entries, folderRoots, demoSet,
                maxManifestRows, maxManifestBytes);
    }

    /** The same with other manifest limits. */
    public ImportProperties withManifestLimits(int rows, long bytes) {
        return new ImportProperties(maxImageBytes, maxImagePixels, maxTotalBytes, maxEntries, folderRoots, demoSet,
                rows, bytes);
    }

    /** No file of a valid set is larger than this: an image, or the manifest or set.json. */
    public long maxFileBytes() {
        return Math.max(maxImageBytes, maxManifestBytes);
    }
}
