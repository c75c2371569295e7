package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.ImportProperties;
import org.dermread.cases.ManifestFormat;

/**
 * Checks a study set against the folder format of {@code study-sets/README.md} and collects every problem with
 * its file and line, so one round of fixes is enough (counting all, keeping the first of each kind). Reads nothing
 * but the set's own files, one at a time, within the import limits.
 */
public final class StudySetValidator {

    static final String MANIFEST = "manifest.csv";
    static final String SET_JSON = "set.json";
    static final List<String> HEADER = ManifestFormat.COLUMNS;
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> CONFIRMATIONS = Set.copyOf(ManifestFormat.CONFIRMATIONS);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Decoding an image to check it allocates at most about this many pixels (about 16 MB as 4-byte pixels). */
    static final long MAX_DECODED_PIXELS = 4_000_000;

    private final ImportProperties limits;
    private final Set<String> diagnosisCodes;

    public StudySetValidator(ImportProperties limits, Set<String> diagnosisCodes) {
        this.limits = limits;
        this.diagnosisCodes = Set.copyOf(diagnosisCodes);
    }

    /**
     * The validated set, or {@link ImportFailedException} with every problem counted (the first
     * {@value ImportProblems#KEPT_PER_KIND} of each kind kept). Reads one file at a time from {@code set}.
     */
    public ValidatedSet validate(StudySetFiles set) {
        ImportProblems problems = set.problemLog();
        if (set.incomplete()) {
            throw new ImportFailedException(problems);
        }
        byte[] setJson = smallFile(set, SET_JSON, problems);
        JsonNode meta = setJson == null ? null : readSetJson(setJson, problems);
        if (setJson == null && !set.contains(SET_JSON)) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-missing"));
        }
        List<ValidatedSet.ValidatedCase> cases = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        byte[] manifest = smallFile(set, MANIFEST, problems);
        if (manifest == null) {
            if (!set.contains(MANIFEST)) {
                problems.add(ImportProblem.of(MANIFEST, 0, "cases.problem.manifest-missing"));
            }
        } else {
            readManifest(manifest, set, problems, cases, named);
        }
        for (String path : set.paths()) {
            if (!path.equals(MANIFEST) && !path.equals(SET_JSON) && !named.contains(path)
                    && !StudySetReader.ignored(path)) {
                problems.add(ImportProblem.of(path, 0, "cases.problem.not-in-manifest"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailedException(problems);
        }
        return new ValidatedSet(meta.get("name").asText().trim(), meta.get("source").asText().trim(),
                meta.get("description").asText().trim(),
                meta.hasNonNull("synthetic") && meta.get("synthetic").asBoolean(),
                contentHash(manifest, setJson, cases), List.copyOf(cases));
    }

    /** manifest.csv or set.json, read only when within {@code max-manifest-bytes}; null when absent or refused. */
    private byte[] smallFile(StudySetFiles set, String path, ImportProblems problems) {
        if (!set.contains(path)) {
            return null;
        }
        try {
            if (set.size(path) > limits.maxManifestBytes()) {
                problems.add(ImportProblem.of(path, 0, "cases.problem.file-too-large",
                        limits.maxManifestBytes() / 1_000_000));
                return null;
            }
            return set.read(path);
        } catch (IOException e) {
            problems.add(ImportProblem.of(path, 0, "cases.problem.file-unreadable"));
            return null;
        }
    }

    private JsonNode readSetJson(byte[] bytes, ImportProblems problems) {
        JsonNode node;
        try {
            node = JSON.readTree(decodeUtf8(bytes));
        } catch (CharacterCodingException e) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.not-utf8"));
            return null;
        } catch (IOException e) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-syntax", firstLine(e.getMessage())));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-syntax", "not a JSON object"));
            return null;
        }
        for (String key : List.of("name", "source", "description")) {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-required", key));
            } else if (!key.equals("description") && value.asText().trim().length() > 200) {
                problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-too-long", key, 200));
            }
        }
        if (node.has("synthetic") && !node.get("synthetic").isBoolean()) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-type", "synthetic", "true/false"));
        }
        if (node.has("seed") && !node.get("seed").isIntegralNumber()) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-type", "seed", "integer"));
        }
        if (node.has("generator") && !node.get("generator").isTextual()) {
            problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.setjson-type", "generator", "text"));
        }
        return node;
    }

    private void readManifest(byte[] bytes, StudySetFiles files, ImportProblems problems,
            List<ValidatedSet.ValidatedCase> cases, Set<String> named) {
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            problems.add(ImportProblem.of(MANIFEST, firstBadLine(bytes), "cases.problem.not-utf8"));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ManifestCsv.ManifestRow> rows;
        try {
            // the header and at most max-manifest-rows cases; a longer manifest is refused before any row is checked
            ManifestCsv.Parsed parsed = ManifestCsv.parse(text, limits.maxManifestRows() + 1);
            if (parsed.truncated()) {
                problems.add(ImportProblem.of(MANIFEST, 0, "cases.problem.manifest-too-many-rows",
                        limits.maxManifestRows()));
                return;
            }
            rows = parsed.rows();
        } catch (ManifestCsv.UnclosedQuote e) {
            problems.add(ImportProblem.of(MANIFEST, e.line, "cases.problem.csv-quote"));
            return;
        }
        if (rows.isEmpty()) {
            problems.add(ImportProblem.of(MANIFEST, 0, "cases.problem.manifest-empty"));
            return;
        }
        List<String> header = rows.get(0).fields().stream().map(String::trim).toList();
        if (!header.equals(HEADER)) {
            problems.add(ImportProblem.of(MANIFEST, 1, "cases.problem.csv-header", String.join(",", HEADER),
                    String.join(",", header)));
            return;
        }
        if (rows.size() == 1) {
            problems.add(ImportProblem.of(MANIFEST, 0, "cases.problem.manifest-empty"));
            return;
        }
        Map<String, Integer> caseIds = new HashMap<>();
        Map<String, Integer> imagePaths = new HashMap<>();
        Map<String, Integer> contents = new HashMap<>();
        for (ManifestCsv.ManifestRow row : rows.subList(1, rows.size())) {
            int line = row.line();
            List<String> f = row.fields();
            if (f.size() != HEADER.size()) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.csv-columns", HEADER.size(), f.size()));
                continue;
            }
            int before = problems.total();
            String caseId = f.get(0).trim();
            String image = f.get(1).trim();
            String diagnosis = f.get(2).trim();
            if (!CASE_ID.matcher(caseId).matches()) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.case-id-format", caseId));
            } else if (caseIds.containsKey(caseId)) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.case-id-duplicate", caseId,
                        caseIds.get(caseId)));
            } else {
                caseIds.put(caseId, line);
            }
            if (!diagnosisCodes.contains(diagnosis)) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.diagnosis-unknown", diagnosis));
            }
            Integer age = null;
            if (!f.get(3).isBlank()) {
                try {
                    age = Integer.parseInt(f.get(3).trim());
                } catch (NumberFormatException e) {
                    age = -1;
                }
                if (age < 0 || age > 120) {
                    problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.age", f.get(3).trim()));
                }
            }
            String sex = f.get(4).trim();
            if (!sex.isEmpty() && !sex.equals("F") && !sex.equals("M")) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.sex", sex));
            }
            String bodySite = f.get(5).trim();
            if (bodySite.length() > 200) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.body-site-long", 200));
            }
            String confirmation = f.get(6).trim();
            if (!confirmation.isEmpty() && !CONFIRMATIONS.contains(confirmation)) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.confirmation", confirmation));
            }
            String path = StudySetReader.safePath(image);
            ImageCheck checked = null;
            if (image.isEmpty() || path == null || path.endsWith("/")) {
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.image-path", image));
            } else if (imagePaths.containsKey(path)) {
                named.add(path);
                problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.image-reused", path,
                        imagePaths.get(path)));
            } else {
                imagePaths.put(path, line);
                named.add(path);
                if (!files.contains(path)) {
                    problems.add(ImportProblem.of(MANIFEST, line, "cases.problem.image-missing", path));
                } else {
                    checked = checkImage(path, files, problems);
                    if (checked != null) {
                        Integer first = contents.putIfAbsent(checked.sha256(), line);
                        if (first != null) {
                            problems.add(ImportProblem.of(path, line, "cases.problem.image-duplicate-content",
                                    first));
                        }
                    }
                }
            }
            if (problems.total() == before && checked != null) {
                cases.add(new ValidatedSet.ValidatedCase(caseId, diagnosis, age, sex.isEmpty() ? null : sex,
                        bodySite.isEmpty() ? null : bodySite, confirmation.isEmpty() ? null : confirmation,
                        checked.sha256(), checked.mediaType(), checked.width(), checked.height(), files.file(path),
                        checked.sizeBytes()));
            }
        }
    }

    private record ImageCheck(String sha256, String mediaType, int width, int height, long sizeBytes) {
    }

    /**
     * Size first (from the file system, before reading), then magic bytes, pixel count from the header, then a full
     * decode; any warning counts as damage. Large images are decoded with source subsampling, so that checking one
     * never needs more than about {@link #MAX_DECODED_PIXELS} pixels of heap (every compressed byte is still read
     * and decoded, so damage is found all the same).
     */
    private ImageCheck checkImage(String path, StudySetFiles files, ImportProblems problems) {
        byte[] bytes;
        try {
            long size = files.size(path);
            if (size > limits.maxImageBytes()) {
                problems.add(ImportProblem.of(path, 0, "cases.problem.image-too-large", size / 1_000_000.0,
                        limits.maxImageBytes() / 1_000_000.0));
                return null;
            }
            bytes = files.read(path);
        } catch (IOException e) {
            problems.add(ImportProblem.of(path, 0, "cases.problem.file-unreadable"));
            return null;
        }
        String mediaType = mediaType(bytes);
        if (mediaType == null) {
            problems.add(ImportProblem.of(path, 0, "cases.problem.image-format"));
            return null;
        }
        String format = mediaType.equals("image/png") ? "png" : "jpeg";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > limits.maxImagePixels()) {
                    problems.add(ImportProblem.of(path, 0, "cases.problem.image-too-many-pixels", width, height,
                            limits.maxImagePixels()));
                    return null;
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) width * height / MAX_DECODED_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null || !warnings.isEmpty()) {
                    problems.add(ImportProblem.of(path, 0, "cases.problem.image-damaged",
                            warnings.isEmpty() ? "no image" : warnings.get(0)));
                    return null;
                }
                return new ImageCheck(sha256(bytes), mediaType, width, height, bytes.length);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException && e.getMessage() != null
                    && e.getMessage().startsWith("no ImageIO")) {
                throw (IllegalStateException) e;
            }
            problems.add(ImportProblem.of(path, 0, "cases.problem.image-damaged",
                    firstLine(String.valueOf(e.getMessage()))));
            return null;
        }
    }

    /** JPEG or PNG by their magic bytes; null for anything else, whatever the file name says. */
    static String mediaType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (bytes.length >= PNG_MAGIC.length) {
            for (int i = 0; i < PNG_MAGIC.length; i++) {
                if (bytes[i] != PNG_MAGIC[i]) {
                    return null;
                }
            }
            return "image/png";
        }
        return null;
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** The line holding the first byte that is not UTF-8, for a report that points at it. */
    private static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] part = Arrays.copyOfRange(bytes, start, i);
                try {
                    decodeUtf8(part);
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identity of a set's content: the manifest, set.json and each image's hash in manifest order. */
    private static String contentHash(byte[] manifest, byte[] setJson, List<ValidatedSet.ValidatedCase> cases) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(manifest);
            digest.update((byte) 0);
            digest.update(setJson);
            for (ValidatedSet.ValidatedCase c : cases) {
                digest.update((byte) 0);
                digest.update(c.imageSha256().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
