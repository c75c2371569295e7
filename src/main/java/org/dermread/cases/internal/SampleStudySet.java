package org.dermread.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sample study set offered on the import page: ten synthetic images of the demo set with their manifest,
 * set.json and a README, shipped inside the application ({@code classpath:sample-study-set/}) so that a server
 * without the {@code study-sets/} folder offers it too. Zipped under one folder, as a person would zip their own set.
 */
public final class SampleStudySet {

    /** The ZIP's file name and the folder inside it. */
    public static final String FOLDER = "dermread-sample-study-set";
    private static final String ROOT = "sample-study-set/";

    private SampleStudySet() {
    }

    /** The set as a ZIP: README.md, manifest.csv, set.json and every image the manifest names. */
    public static byte[] zip() {
        List<String> files = new ArrayList<>(List.of("README.md", "manifest.csv", "set.json"));
        String manifest = new String(read("manifest.csv"), StandardCharsets.UTF_8);
        // the sample's image paths hold no comma or quote, so the second cell of each row is the path as written
        manifest.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", 3)[1])
                .forEach(files::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String file : files) {
                zip.putNextEntry(new ZipEntry(FOLDER + "/" + file));
                zip.write(read(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] read(String file) {
        try (InputStream in = SampleStudySet.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("The sample study set lacks " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
