package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.accounts.AccountService;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.ImportProperties;
import org.dermread.cases.ImportResult;
import org.dermread.cases.StudySetImportCommand;
import org.dermread.cases.StudySetLayout;
import org.dermread.cases.SignedIn;
import org.dermread.shell.Translations;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DermReadTest
class DemoStudyTest {

    @Autowired
    DemoStudy demoStudy;
    @Autowired
    AccountBootstrap bootstrap;
    @Autowired
    StudyService studies;
    @Autowired
    CaseSetService caseSets;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StudySetImportCommand importer;
    @Autowired
    CaseLibraryService library;
    @Autowired
    AccountService accountService;
    @Autowired
    Translations translations;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void demo_mode_opens_an_eight_class_study_for_demo_reader_once() {
        bootstrap.ensureDemoAccounts(PasswordPolicy.generate());

        long id = demoStudy.ensure().orElseThrow();
        Map<String, Long> before = DatabaseSnapshot.rowCounts(jdbc);
        long again = demoStudy.ensure().orElseThrow();

        assertThat(again).isEqualTo(id);
        assertThat(DatabaseSnapshot.rowCounts(jdbc)).as("the second run changes nothing").isEqualTo(before);
        SignedIn.as(accounts.create("admin", Role.ADMIN));
        Study study = studies.findStudy(id);
        assertThat(study.status()).isEqualTo(StudyStatus.OPEN);
        assertThat(study.labels()).hasSize(8);
        assertThat(studies.caseIds(id)).hasSize(8 * DemoStudy.PER_CLASS);
        assertThat(caseSets.find(study.caseSetId()).locked()).isTrue();
        assertThat(caseSets.distribution(study.caseSetId())).hasSize(8)
                .allSatisfy((code, n) -> assertThat(n).isEqualTo(DemoStudy.PER_CLASS));
        assertThat(studies.participants(id)).extracting(Participant::username).containsExactly("demo-reader");
    }

    @Test
    void demo_mode_opens_the_demo_study_from_the_copy_inside_the_application_when_there_is_no_study_sets_folder(
            @TempDir Path elsewhere) {
        bootstrap.ensureDemoAccounts(PasswordPolicy.generate());
        Path missing = elsewhere.resolve("study-sets/demo");
        assertThat(Files.exists(missing)).isFalse();
        ImportProperties noFolder = ImportProperties.defaults(List.of(elsewhere), missing);
        StudySetImportCommand fromJar = new StudySetImportCommand(library, translations, noFolder);

        ImportResult bundled = fromJar.importDemoSet().orElseThrow();
        ImportResult repository = importer.importDemoSet().orElseThrow();
        long id = new DemoStudy(fromJar, library, caseSets, studies, accountService, noFolder).ensure()
                .orElseThrow();

        assertThat(bundled.cases()).isEqualTo(200);
        assertThat(bundled.layout()).isEqualTo(StudySetLayout.DERMREAD);
        assertThat(repository.sourceId()).as("the copy inside the application is the repository's, byte for byte")
                .isEqualTo(bundled.sourceId());
        assertThat(repository.alreadyPresent()).isTrue();
        SignedIn.as(accounts.create("admin-2", Role.ADMIN));
        Study study = studies.findStudy(id);
        assertThat(study.status()).isEqualTo(StudyStatus.OPEN);
        assertThat(studies.caseIds(id)).hasSize(8 * DemoStudy.PER_CLASS);
    }
}
