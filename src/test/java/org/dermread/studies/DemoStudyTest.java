package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.accounts.Role;
import org.dermread.cases.DatabaseSnapshot;
import org.dermread.cases.SignedIn;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
}
