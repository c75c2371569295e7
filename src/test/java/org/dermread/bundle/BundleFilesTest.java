package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle in memory, in a folder and as a ZIP holds the same files; paths never leave the bundle. */
class BundleFilesTest {

    private static final BundleFiles FILES = BundleFiles.of(Map.of(
            "labels.csv", "position,code\n1,MN\n".getBytes(StandardCharsets.UTF_8),
            "imrmc/MN.imrmc", "BEGIN DATA:\n".getBytes(StandardCharsets.UTF_8)));

    @Test
    void a_zip_reads_back_to_the_same_files_and_zipping_twice_gives_the_same_bytes() throws Exception {
        byte[] zip = FILES.zip();

        BundleFiles read = BundleFiles.readZip(zip);

        assertThat(read.paths()).containsExactly("imrmc/MN.imrmc", "labels.csv");
        assertThat(read.contentSha256()).isEqualTo(FILES.contentSha256());
        assertThat(FILES.zip()).isEqualTo(zip);
    }

    @Test
    void an_unpacked_folder_reads_back_the_named_files_that_exist(@TempDir Path folder) throws Exception {
        FILES.writeTo(folder);

        BundleFiles read = BundleFiles.readFolder(folder, BundleReader.INPUT_FILES);

        assertThat(Files.exists(folder.resolve("imrmc/MN.imrmc"))).isTrue();
        assertThat(read.paths()).containsExactly("labels.csv");
        assertThat(read.require("labels.csv")).isEqualTo(FILES.require("labels.csv"));
    }

    @Test
    void paths_that_would_leave_the_bundle_are_refused() {
        for (String path : new String[] {"../evil.csv", "/etc/passwd", "a/../../b", "C:\\x", "plots/"}) {
            assertThatThrownBy(() -> BundleFiles.of(Map.of(path, new byte[0])))
                    .as(path).hasMessageContaining("not a file path inside a bundle");
        }
    }

    @Test
    void the_sha256_is_the_standard_one() {
        assertThat(BundleFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
