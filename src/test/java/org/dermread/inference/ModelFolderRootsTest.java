package org.dermread.inference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Registering a model from a server folder is limited to {@code dermread.inference.folder-roots}, links resolved
 * (issue 12, finding 8): a folder elsewhere is refused with the same message whether it exists or not, and so is a
 * link inside an allowed folder that leads outside it. (The tests' root is {@code target/test-exports}, set in the
 * build's Surefire configuration.)
 */
@DermReadTest
class ModelFolderRootsTest {

    @Autowired
    ModelRegistry registry;
    @Autowired
    TestAccounts accounts;
    @TempDir
    Path outside;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void a_folder_outside_the_roots_is_refused_whether_or_not_it_exists() {
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> registry.registerFromFolder(outside))
                .hasMessageContaining("inference.error.folder-not-allowed");
        assertThatThrownBy(() -> registry.registerFromFolder(outside.resolve("no-such-folder")))
                .hasMessageContaining("inference.error.folder-not-allowed");
        assertThatThrownBy(() -> registry.registerFromFolder(Path.of("/etc")))
                .hasMessageContaining("inference.error.folder-not-allowed");
        assertThatThrownBy(() -> registry.registerFolder(outside))
                .as("the method the models page calls").hasMessageContaining("inference.error.folder-not-allowed");
    }

    @Test
    void a_link_inside_a_root_that_leads_outside_it_is_refused() throws Exception {
        SignIn.as(accounts.create("coord", Role.COORDINATOR));
        Path root = Files.createDirectories(Path.of("target", "test-exports"));
        Path link = root.resolve("link-" + System.nanoTime());
        Files.createSymbolicLink(link, outside.toAbsolutePath());
        try {
            assertThatThrownBy(() -> registry.registerFromFolder(link))
                    .hasMessageContaining("inference.error.folder-not-allowed");
            assertThatThrownBy(() -> registry.registerFolder(link))
                    .hasMessageContaining("inference.error.folder-not-allowed");
            assertThatThrownBy(() -> registry.registerFromFolder(link.resolve("no-such-folder")))
                    .as("a missing folder behind the link").hasMessageContaining("inference.error.folder-not-allowed");
        } finally {
            Files.delete(link);
        }
    }
}
