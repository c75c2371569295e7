package org.dermread.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The hostile uploads of issue 12, finding 1, generated (nothing of them is committed). */
public final class HostileZips {

    private HostileZips() {
    }

    /**
     * A set.json and a manifest of {@code rows} rows, each wrong in five ways (case id, image path, diagnosis, age,
     * sex), and no images: about 500 KB for 100,000 rows.
     */
    public static byte[] badRows(int rows) {
        StringBuilder manifest = new StringBuilder(StudySetFixture.HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            manifest.append("bad id ").append(i).append(",/abs/").append(i).append(".jpg,NOPE,200,X,,\n");
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("set.json"));
            zip.write("{\"name\": \"hostile\", \"source\": \"probe\", \"description\": \"bad rows\"}"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code entries} entries of {@code megabytes} MB of zeros each: under 1 MB as a ZIP (15 x 63 MB in the probe). */
    public static byte[] zeros(int entries, int megabytes) {
        byte[] block = new byte[1024 * 1024];
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int e = 0; e < entries; e++) {
                zip.putNextEntry(new ZipEntry("images/zeros-" + e + ".jpg"));
                for (int m = 0; m < megabytes; m++) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
