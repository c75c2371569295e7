package org.dermread.cases;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Builds small study sets for tests: a valid one by default (unique images, so each fixture is new content to the
 * library), which a test then damages in exactly one way.
 */
final class StudySetFixture {

    static final String HEADER = "case_id,image,diagnosis,age,sex,body_site,confirmation";

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> rows = new ArrayList<>();
    private final String salt = UUID.randomUUID().toString();
    String header = HEADER;
    String setJson;

    /** {@code perClass} PNG cases of each code, ids {@code t-<n>}. */
    static StudySetFixture valid(int perClass, String... codes) {
        StudySetFixture set = new StudySetFixture();
        set.setJson = """
                {"name": "Test set %s", "source": "unit test", "description": "crafted by a test",
                 "synthetic": true, "seed": 7}
                """.formatted(set.salt.substring(0, 8));
        int n = 0;
        for (String code : codes) {
            for (int i = 0; i < perClass; i++) {
                n++;
                set.addCase("t-" + n, "images/t-" + n + ".png", code, png(set.salt + n));
            }
        }
        return set;
    }

    void addCase(String caseId, String path, String code, byte[] image) {
        rows.add(caseId + "," + path + "," + code + ",42,F,\"face, left cheek\",histopathology");
        files.put(path, image);
    }

    byte[] manifest() {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** All files of the set: manifest, set.json, images (a test may override any of them). */
    Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("manifest.csv", manifestOverride != null ? manifestOverride : manifest());
        all.put("set.json", setJson.getBytes(StandardCharsets.UTF_8));
        all.putAll(files);
        return all;
    }

    byte[] manifestOverride;

    Path writeFolder(Path dir) {
        try {
            for (Map.Entry<String, byte[]> file : all().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] zip() {
        return zip(all());
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Zips a folder on disk, entries under {@code prefix/}. */
    static void zipFolder(Path folder, String prefix, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + "/" + folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }

    static byte[] png(String seed) {
        return image(seed, "png", 32, 24);
    }

    static byte[] jpeg(String seed) {
        return image(seed, "jpeg", 32, 24);
    }

    static byte[] image(String seed, String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int hash = seed.hashCode();
        g.setColor(new Color(hash & 0xffffff));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color((hash >>> 8) ^ 0x5a5a5a));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.BLACK);
        g.drawString(Integer.toHexString(hash), 1, height - 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
