package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dermread.cases.StudySetLayout;

/**
 * What the public layouts (HAM10000, ISIC) share: images found by name in any folder of the set, their spellings of
 * age, sex and body site, and the set's description (from an optional set.json, else made up from the layout).
 */
final class PublicLayouts {

    /** The taxonomy of the HAM10000 and ISIC diagnoses (seeded by V100). */
    static final String ISIC_TAXONOMY = "isic";
    private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG");

    private PublicLayouts() {
    }

    static boolean isImage(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
    }

    /** The set's image files by file name, wherever they are (one folder, two, or the top level). */
    static final class ImageIndex {

        private final Map<String, List<String>> byName = new HashMap<>();

        ImageIndex(StudySetFiles files) {
            for (String path : files.paths()) {
                if (isImage(path)) {
                    byName.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), name -> new ArrayList<>())
                            .add(path);
                }
            }
        }

        /**
         * The path of {@code <image>.jpg} (or .jpeg, .png), or null with its problem reported: missing, or found in
         * more than one place.
         */
        String find(String image, String file, int line, Reading reading) {
            List<String> found = new ArrayList<>();
            for (String extension : IMAGE_EXTENSIONS) {
                found.addAll(byName.getOrDefault(image + extension, List.of()));
            }
            if (found.isEmpty()) {
                reading.problem(file, line, "cases.problem.image-missing", image + ".jpg");
                return null;
            }
            if (found.size() > 1) {
                reading.problem(file, line, "cases.problem.image-ambiguous", image, String.join(", ", found));
                return null;
            }
            return found.get(0);
        }

        /** Every path of {@code <image>.*} (for excusing the images of skipped rows). */
        List<String> all(String image) {
            List<String> found = new ArrayList<>();
            for (String extension : IMAGE_EXTENSIONS) {
                found.addAll(byName.getOrDefault(image + extension, List.of()));
            }
            return found;
        }
    }

    /**
     * Age as HAM10000 and ISIC write it: whole or decimal years ({@code 45.0}), empty or {@code NA} when unknown;
     * rounded to whole years; 0 to 120.
     */
    static Integer age(String value, String file, int line, Reading reading) {
        String text = value.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("nan")
                || text.equalsIgnoreCase("unknown")) {
            return null;
        }
        try {
            BigDecimal years = new BigDecimal(text);
            if (years.signum() >= 0 && years.compareTo(BigDecimal.valueOf(120)) <= 0) {
                return years.setScale(0, RoundingMode.HALF_UP).intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        reading.problem(file, line, "cases.problem.age-public", text);
        return null;
    }

    /** {@code male} / {@code female} as F/M; {@code unknown} or empty as not known. */
    static String sex(String value, String file, int line, Reading reading) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "male":
                return "M";
            case "female":
                return "F";
            case "", "unknown", "na", "nan":
                return null;
            default:
                reading.problem(file, line, "cases.problem.sex-public", value.trim());
                return null;
        }
    }

    /**
     * The body site as HAM10000's {@code localization} or ISIC's {@code anatom_site_general} writes it, lower case;
     * {@code unknown} or empty as not known. Stored as written, so it stays the data set's vocabulary; pages show the
     * known values in the reader's language ({@code shell.BodySites}).
     */
    static String bodySite(String value, String file, int line, Reading reading) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("unknown") || text.equals("na") || text.equals("nan")) {
            return null;
        }
        if (text.length() > 200) {
            reading.problem(file, line, "cases.problem.body-site-long", 200);
            return null;
        }
        return text;
    }

    static String lesion(String value) {
        String text = value.trim();
        return text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("nan") ? null : text;
    }

    /** A ground-truth CSV opened with the set's identity and set.json, or null when it cannot be used. */
    record Opened(Reading.Table table, JsonNode meta, List<byte[]> identity) {
    }

    /**
     * Reads a layout's ground-truth CSV, then set.json, both into the set's identity; null (with the problem reported)
     * when the CSV cannot be read or lacks one of the required columns.
     */
    static Opened open(StudySetFiles files, String csv, StudySetLayout layout, List<String> required,
            Reading reading) {
        List<byte[]> identity = identity(layout);
        Reading.Table table = reading.table(files, csv);
        if (table == null) {
            return null;
        }
        identity.add(table.bytes());
        JsonNode meta = setJson(files, reading, identity);
        List<String> missing = table.missing(required);
        if (!missing.isEmpty()) {
            reading.problem(csv, 1, "cases.problem.csv-missing-columns", String.join(",", missing),
                    String.join(",", table.header()));
            return null;
        }
        return new Opened(table, meta, identity);
    }

    /**
     * The rows of a CSV that lists images, each checked for its number of fields and for its image being listed once
     * (problems reported, such rows left out).
     */
    static final class ImageRows {

        private final Map<String, Integer> seen = new HashMap<>();

        /** The row's image, or null when the row has the wrong number of fields or lists an image again. */
        String image(ManifestCsv.ManifestRow row, int fields, int imageAt, String csv, Reading reading) {
            List<String> f = row.fields();
            if (f.size() != fields) {
                reading.problem(csv, row.line(), "cases.problem.csv-columns", fields, f.size());
                return null;
            }
            String image = f.get(imageAt).trim();
            Integer first = seen.putIfAbsent(image, row.line());
            if (first != null) {
                reading.problem(csv, row.line(), "cases.problem.image-listed-twice", image, first);
                return null;
            }
            return image;
        }

        /** Whether a row listed this image. */
        boolean listed(String image) {
            return seen.containsKey(image);
        }
    }

    /** The optional set.json of a public layout, checked as DermRead's; it may not name another taxonomy. */
    static JsonNode setJson(StudySetFiles files, Reading reading, List<byte[]> identity) {
        byte[] bytes = reading.smallFile(files, Reading.SET_JSON);
        if (bytes == null) {
            return null;
        }
        identity.add(bytes);
        JsonNode meta = reading.setJson(bytes);
        if (meta != null && meta.hasNonNull("taxonomy") && !ISIC_TAXONOMY.equals(meta.get("taxonomy").asText())) {
            reading.problem(Reading.SET_JSON, 0, "cases.problem.setjson-taxonomy-fixed", meta.get("taxonomy").asText(),
                    ISIC_TAXONOMY);
        }
        return meta;
    }

    /** The identity of a public set starts with its layout, so two layouts never share one. */
    static List<byte[]> identity(StudySetLayout layout) {
        List<byte[]> identity = new ArrayList<>();
        identity.add(layout.id().getBytes(StandardCharsets.US_ASCII));
        return identity;
    }

    /**
     * The manifest of a public layout: name, source and description from its set.json when there is one, else from
     * the layout and what was read.
     */
    static StudySetFormat.Manifest manifest(StudySetLayout layout, String title, JsonNode meta,
            List<StudySetFormat.Entry> entries, List<byte[]> identity, Set<String> ownFiles, Set<String> excused,
            String listFile, int skipped, Reading reading) {
        long lesions = entries.stream().map(entry -> entry.lesionId() != null ? entry.lesionId()
                : "image:" + entry.caseId()).distinct().count();
        String name = meta != null && meta.hasNonNull("name") ? meta.get("name").asText().trim()
                : reading.origin().isBlank() ? title : title + ": " + reading.origin();
        String source = meta != null && meta.hasNonNull("source") ? meta.get("source").asText().trim()
                : title + " (" + String.join(", ", ownFiles) + ")";
        String description = meta != null && meta.hasNonNull("description") ? meta.get("description").asText().trim()
                : "Imported from the " + title + " layout: " + entries.size() + " images of " + lesions + " lesions"
                        + (skipped > 0 ? "; " + skipped + " rows skipped by the layout's rules" : "") + ".";
        name = name.length() > 200 ? name.substring(0, 200) : name;
        source = source.length() > 200 ? source.substring(0, 200) : source;
        boolean synthetic = meta != null && meta.hasNonNull("synthetic") && meta.get("synthetic").asBoolean();
        return new StudySetFormat.Manifest(name, source, description, synthetic, ISIC_TAXONOMY, entries, identity,
                new LinkedHashSet<>(ownFiles), false, excused, listFile, skipped);
    }
}
