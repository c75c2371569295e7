package org.dermread.studies;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.dermread.cases.CaseLibraryService;

/** A library source of its own for a test (so other tests' imports do not change what it samples). */
final class StudyFixtures {

    static final List<String> EIGHT = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SK");

    private StudyFixtures() {
    }

    /** Imports {@code perClass} fresh cases of each code; returns the source id. Needs a coordinator signed in. */
    static long importSource(CaseLibraryService library, int perClass, List<String> codes) {
        return importSource(library, perClass, 1, codes);
    }

    /**
     * Imports {@code lesionsPerClass} lesions of each code with {@code imagesPerLesion} images each (lesion ids
     * {@code L-<n>}; with one image per lesion no lesion ids at all); returns the source id.
     */
    static long importSource(CaseLibraryService library, int lesionsPerClass, int imagesPerLesion,
            List<String> codes) {
        boolean lesions = imagesPerLesion > 1;
        StringBuilder manifest = new StringBuilder("case_id,image,diagnosis,age,sex,body_site,confirmation"
                + (lesions ? ",lesion_id" : "") + "\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String salt = UUID.randomUUID().toString();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int n = 0;
            int lesion = 0;
            for (String code : codes) {
                for (int i = 0; i < lesionsPerClass * imagesPerLesion; i++) {
                    n++;
                    if (i % imagesPerLesion == 0) {
                        lesion++;
                    }
                    manifest.append("c-").append(n).append(",images/c-").append(n).append(".png,").append(code)
                            .append(",,,,").append(lesions ? ",L-" + lesion : "").append('\n');
                    zip.putNextEntry(new ZipEntry("images/c-" + n + ".png"));
                    zip.write(png(salt + n));
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("set.json"));
            zip.write(("{\"name\":\"Fixture " + salt.substring(0, 6)
                    + "\",\"source\":\"test\",\"description\":\"test\",\"synthetic\":true}")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return library.importZip(new ByteArrayInputStream(bytes.toByteArray()), "fixture.zip").sourceId();
    }

    static SamplingPlan plan(List<String> labels, int perClass, long seed, long sourceId) {
        return new SamplingPlan(labels, perClass, seed, Set.of(sourceId));
    }

    private static byte[] png(String seed) {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed.hashCode() & 7, 3, seed.hashCode());
        image.setRGB(1, 1, seed.hashCode() * 31);
        image.setRGB(2, 5, seed.length() * 7919 + seed.charAt(seed.length() - 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Zips a folder, entries under {@code prefix/}. */
    static void zipFolder(Path folder, String prefix, Path target) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target));
                Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + "/" + folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
