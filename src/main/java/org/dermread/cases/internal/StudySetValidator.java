package org.dermread.cases.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProblem;
import org.dermread.cases.ImportProblems;
import org.dermread.cases.ImportProperties;
import org.dermread.cases.Taxonomy;

/**
 * Checks a study set in any layout it recognises ({@link StudySetFormat}: DermRead's own of
 * {@code study-sets/README.md}, HAM10000, ISIC 2018/2019/2020) and collects every problem with its file and line, so
 * one round of fixes is enough (counting all, keeping the first of each kind). The layout is recognised from the
 * top-level files; none or several is a problem that says what was looked for. Each layout reads its own files into
 * entries, which are all checked here the same way: case ids, the codes of the taxonomy the set names, lesions (one
 * diagnosis per lesion), images. Reads nothing but the set's own files, one at a time, within the import limits.
 */
public final class StudySetValidator {

    static final String MANIFEST = DermReadFormat.MANIFEST;
    static final String SET_JSON = Reading.SET_JSON;
    static final List<String> HEADER = DermReadFormat.HEADER;
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LESION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Decoding an image to check it allocates at most about this many pixels (about 16 MB as 4-byte pixels). */
    static final long MAX_DECODED_PIXELS = 4_000_000;
    /** Every layout, DermRead's first: a set with only set.json is taken as DermRead's (its manifest is missing). */
    private static final List<StudySetFormat> FORMATS = List.of(new DermReadFormat(), new Ham10000Format(),
            IsicGroundTruthFormat.isic2018(), IsicGroundTruthFormat.isic2019(), new Isic2020Format());

    private final ImportProperties limits;
    private final Function<String, Optional<Set<String>>> taxonomies;

    /** Checks diagnoses against {@code diagnosisCodes} as the default taxonomy's (zhu2021), the only one known. */
    public StudySetValidator(ImportProperties limits, Set<String> diagnosisCodes) {
        this(limits, taxonomy -> Taxonomy.DEFAULT_TAXONOMY.equals(taxonomy) ? Optional.of(Set.copyOf(diagnosisCodes))
                : Optional.empty());
    }

    /** {@code taxonomies}: the codes of a taxonomy by its code, empty when there is no such taxonomy. */
    public StudySetValidator(ImportProperties limits, Function<String, Optional<Set<String>>> taxonomies) {
        this.limits = limits;
        this.taxonomies = taxonomies;
    }

    public ValidatedSet validate(StudySetFiles set) {
        return validate(set, "");
    }

    /**
     * The validated set, or {@link ImportFailedException} with every problem counted (the first
     * {@value ImportProblems#KEPT_PER_KIND} of each kind kept). Reads one file at a time from {@code set}.
     *
     * @param origin the ZIP's or folder's own name, for naming a public set that has no set.json
     */
    public ValidatedSet validate(StudySetFiles set, String origin) {
        ImportProblems problems = set.problemLog();
        if (set.incomplete()) {
            throw new ImportFailedException(problems);
        }
        TopLevel top = TopLevel.of(set, limits.maxManifestBytes());
        List<StudySetFormat> matching = FORMATS.stream().filter(format -> format.recognises(top)).toList();
        if (matching.isEmpty() && top.has(SET_JSON)) {
            matching = List.of(FORMATS.get(0));
        }
        if (matching.isEmpty()) {
            problems.add(ImportProblem.of("", 0, "cases.problem.layout-unrecognised",
                    top.files().isEmpty() ? "-" : top.files().stream().limit(20).collect(Collectors.joining(", "))));
            throw new ImportFailedException(problems);
        }
        if (matching.size() > 1) {
            problems.add(ImportProblem.of("", 0, "cases.problem.layout-ambiguous", matching.stream()
                    .map(format -> format.layout().title()).collect(Collectors.joining(", "))));
            throw new ImportFailedException(problems);
        }
        StudySetFormat format = matching.get(0);
        StudySetFormat.Manifest manifest = format.read(set, top, new Reading(limits, problems, origin));
        Set<String> codes = null;
        if (manifest.taxonomy() != null) {
            codes = taxonomies.apply(manifest.taxonomy()).orElse(null);
            if (codes == null) {
                problems.add(ImportProblem.of(SET_JSON, 0, "cases.problem.taxonomy-unknown", manifest.taxonomy(),
                        Taxonomy.DEFAULT_TAXONOMY));
            }
        }
        Set<String> named = new LinkedHashSet<>();
        List<ValidatedSet.ValidatedCase> cases = checkEntries(manifest, codes, set, problems, named);
        boolean listRead = manifest.everyFileNamed() || !manifest.entries().isEmpty();
        for (String path : set.paths()) {
            if (!listRead || manifest.ownFiles().contains(path) || named.contains(path)
                    || manifest.excusedImages().contains(path) || StudySetReader.ignored(path)) {
                continue;
            }
            if (manifest.everyFileNamed()) {
                problems.add(ImportProblem.of(path, 0, "cases.problem.not-in-manifest"));
            } else if (PublicLayouts.isImage(path)) {
                problems.add(ImportProblem.of(path, 0, "cases.problem.not-listed", manifest.listFile()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailedException(problems, format.layout());
        }
        return new ValidatedSet(manifest.name(), manifest.source(), manifest.description(), manifest.synthetic(),
                contentHash(manifest.identity(), cases), List.copyOf(cases), manifest.taxonomy(), format.layout(),
                manifest.skipped());
    }

    /** The checks every layout's entries get; returns the cases (meaningful only when no problem was found). */
    private List<ValidatedSet.ValidatedCase> checkEntries(StudySetFormat.Manifest manifest, Set<String> codes,
            StudySetFiles files, ImportProblems problems, Set<String> named) {
        List<ValidatedSet.ValidatedCase> cases = new ArrayList<>();
        Map<String, Integer> caseIds = new HashMap<>();
        Map<String, Integer> imagePaths = new HashMap<>();
        Map<String, Integer> contents = new HashMap<>();
        Map<String, StudySetFormat.Entry> lesions = new HashMap<>();
        String sortedCodes = codes == null ? "" : codes.stream().sorted().collect(Collectors.joining(", "));
        for (StudySetFormat.Entry entry : manifest.entries()) {
            String file = entry.file();
            int line = entry.line();
            String caseId = entry.caseId();
            if (!CASE_ID.matcher(caseId).matches()) {
                problems.add(ImportProblem.of(file, line, "cases.problem.case-id-format", caseId));
            } else if (caseIds.containsKey(caseId)) {
                problems.add(ImportProblem.of(file, line, "cases.problem.case-id-duplicate", caseId,
                        caseIds.get(caseId)));
            } else {
                caseIds.put(caseId, line);
            }
            String diagnosis = entry.diagnosis();
            if (diagnosis != null && codes != null && !codes.contains(diagnosis)) {
                problems.add(ImportProblem.of(file, line, "cases.problem.diagnosis-unknown", diagnosis,
                        manifest.taxonomy(), sortedCodes));
            }
            String lesion = entry.lesionId();
            if (lesion != null) {
                if (!LESION_ID.matcher(lesion).matches()) {
                    problems.add(ImportProblem.of(file, line, "cases.problem.lesion-id-format", lesion));
                } else {
                    StudySetFormat.Entry first = lesions.putIfAbsent(lesion, entry);
                    if (first != null && diagnosis != null && first.diagnosis() != null
                            && !diagnosis.equals(first.diagnosis())) {
                        problems.add(ImportProblem.of(file, line, "cases.problem.lesion-diagnoses", lesion, diagnosis,
                                first.diagnosis(), first.line()));
                    }
                }
            }
            ImageCheck checked = entry.image() == null ? null : image(entry, files, problems, named, imagePaths,
                    contents);
            if (checked != null && diagnosis != null) {
                cases.add(new ValidatedSet.ValidatedCase(caseId, diagnosis, entry.age(), entry.sex(),
                        entry.bodySite(), entry.confirmation(), checked.sha256(), checked.mediaType(), checked.width(),
                        checked.height(), files.file(StudySetReader.safePath(entry.image())), checked.sizeBytes(),
                        lesion));
            }
        }
        return cases;
    }

    /** The entry's image: a path inside the set, named once, present, a sound image, not the same bytes twice. */
    private ImageCheck image(StudySetFormat.Entry entry, StudySetFiles files, ImportProblems problems,
            Set<String> named, Map<String, Integer> imagePaths, Map<String, Integer> contents) {
        String file = entry.file();
        int line = entry.line();
        String image = entry.image();
        String path = StudySetReader.safePath(image);
        if (image.isEmpty() || path == null || path.endsWith("/")) {
            problems.add(ImportProblem.of(file, line, "cases.problem.image-path", image));
            return null;
        }
        named.add(path);
        if (imagePaths.containsKey(path)) {
            problems.add(ImportProblem.of(file, line, "cases.problem.image-reused", path, imagePaths.get(path)));
            return null;
        }
        imagePaths.put(path, line);
        if (!files.contains(path)) {
            problems.add(ImportProblem.of(file, line, "cases.problem.image-missing", path));
            return null;
        }
        ImageCheck checked = checkImage(path, files, problems);
        if (checked != null) {
            Integer first = contents.putIfAbsent(checked.sha256(), line);
            if (first != null) {
                problems.add(ImportProblem.of(path, line, "cases.problem.image-duplicate-content", first));
            }
        }
        return checked;
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
                    Reading.firstLine(String.valueOf(e.getMessage()))));
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

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Identity of a set's content: its layout's identifying files (for DermRead's: the manifest and set.json, as
     * always, so a set imported before stays the same set) and each image's hash in list order.
     */
    private static String contentHash(List<byte[]> identity, List<ValidatedSet.ValidatedCase> cases) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < identity.size(); i++) {
                if (i > 0) {
                    digest.update((byte) 0);
                }
                digest.update(identity.get(i));
            }
            for (ValidatedSet.ValidatedCase c : cases) {
                digest.update((byte) 0);
                digest.update(c.imageSha256().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
