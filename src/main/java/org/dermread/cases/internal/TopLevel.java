package org.dermread.cases.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The top-level files of a set and the header of each top-level CSV, which is all that detecting its layout needs.
 * A CSV above {@code max-manifest-bytes} is not read (its layout is then not recognised from it).
 */
final class TopLevel {

    private final Set<String> files;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private TopLevel(Set<String> files) {
        this.files = files;
    }

    static TopLevel of(StudySetFiles set, long maxCsvBytes) {
        TopLevel top = new TopLevel(set.paths().stream().filter(path -> path.indexOf('/') < 0)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        for (String path : top.files) {
            if (!path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                continue;
            }
            try {
                if (set.size(path) > maxCsvBytes) {
                    continue;
                }
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(set.read(path)))
                        .toString();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                List<ManifestCsv.ManifestRow> rows = ManifestCsv.parse(text, 1).rows();
                if (!rows.isEmpty()) {
                    top.headers.put(path, rows.get(0).fields().stream().map(String::trim).toList());
                }
            } catch (IOException | ManifestCsv.UnclosedQuote e) {
                // not recognisable; the layout that claims the file reports its problem when reading it
            }
        }
        return top;
    }

    boolean has(String path) {
        return files.contains(path);
    }

    Set<String> files() {
        return files;
    }

    /** The top-level CSV whose header satisfies the test, if exactly one or more do (the first). */
    Optional<String> csvWithHeader(Predicate<List<String>> test) {
        return headers.entrySet().stream().filter(entry -> test.test(entry.getValue())).map(Map.Entry::getKey)
                .findFirst();
    }

    List<String> header(String path) {
        return headers.getOrDefault(path, List.of());
    }
}
