package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.Zips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The sample study set offered on the import page: what is in it, who may take it, and that it imports. */
@DermReadTest
class SampleStudySetTest {

    @Autowired
    CaseLibraryService library;
    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void the_sample_is_a_synthetic_set_with_one_image_per_class_that_the_importer_accepts() throws Exception {
        SignedIn.as(accounts.create("sample-coord", Role.COORDINATOR));
        byte[] zip = library.sampleStudySet();

        Map<String, byte[]> files = Zips.unzip(zip);
        assertThat(files.keySet()).allSatisfy(name -> assertThat(name).startsWith("dermread-sample-study-set/"));
        assertThat(files).containsKeys("dermread-sample-study-set/manifest.csv", "dermread-sample-study-set/set.json",
                "dermread-sample-study-set/README.md");
        List<String> manifest = new String(files.get("dermread-sample-study-set/manifest.csv"),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(manifest.get(0)).isEqualTo(String.join(",", ManifestFormat.COLUMNS));
        assertThat(manifest).hasSize(11);
        assertThat(files.keySet().stream().filter(name -> name.endsWith(".jpg"))).hasSize(10);
        JsonNode set = new ObjectMapper().readTree(files.get("dermread-sample-study-set/set.json"));
        assertThat(set.get("synthetic").asBoolean()).isTrue();
        assertThat(new String(files.get("dermread-sample-study-set/README.md"), StandardCharsets.UTF_8))
                .contains("SYNTHETIC");

        ImportResult result = library.importZip(new ByteArrayInputStream(zip), "dermread-sample-study-set.zip");

        assertThat(result.cases()).isEqualTo(10);
        assertThat(result.name()).isEqualTo("DermRead sample study set (synthetic)");
        List<LibraryCase> cases = library.cases(new CaseFilter(Set.of(), Set.of(result.sourceId())));
        assertThat(cases).hasSize(10);
        assertThat(cases).extracting(LibraryCase::diagnosis).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("MN", "DF", "AV", "BCC", "KAHS", "EAD", "VW", "LP", "SK", "Rosa");
        assertThat(cases).allSatisfy(c -> assertThat(c.synthetic()).isTrue());
        assertThat(library.importZip(new ByteArrayInputStream(zip), "again.zip").alreadyPresent()).isTrue();
    }

    @Test
    void only_those_who_may_import_may_take_the_sample() {
        for (Role role : List.of(Role.READER, Role.STATISTICIAN)) {
            SignedIn.as(accounts.create("sample-" + role.name().toLowerCase(), role));
            assertThatThrownBy(() -> library.sampleStudySet()).isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.nobody();
        assertThatThrownBy(() -> library.sampleStudySet())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        SignedIn.as(accounts.create("sample-admin", Role.ADMIN));
        assertThat(library.sampleStudySet()).isNotEmpty();
    }
}
