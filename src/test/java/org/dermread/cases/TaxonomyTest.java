package org.dermread.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DermReadTest
class TaxonomyTest {

    @Autowired
    Taxonomy taxonomy;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void the_default_taxonomy_is_zhu_et_al_with_its_14_classes_in_the_papers_order_and_bcc_malignant() {
        assertThat(taxonomy.all()).extracting(Diagnosis::code).containsExactly("LP", "Rosa", "VW", "AV", "KAHS",
                "EAD", "DF", "SD", "SK", "MN", "Hem", "Pso", "PWS", "BCC");
        assertThat(taxonomy.diagnoses(Taxonomy.DEFAULT_TAXONOMY)).isEqualTo(taxonomy.all());
        assertThat(taxonomy.find("BCC").orElseThrow().group()).isEqualTo(DiagnosisGroup.MALIGNANT);
        assertThat(taxonomy.find("MN").orElseThrow().group()).isEqualTo(DiagnosisGroup.BENIGN);
    }

    @Test
    void the_isic_taxonomy_lists_its_eight_diagnoses_in_order_with_groups_and_both_names() {
        List<Diagnosis> isic = taxonomy.diagnoses("isic");

        assertThat(isic).extracting(Diagnosis::code)
                .containsExactly("MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC", "SCC");
        assertThat(isic).extracting(Diagnosis::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(isic).filteredOn(d -> d.group() == DiagnosisGroup.MALIGNANT).extracting(Diagnosis::code)
                .containsExactly("MEL", "BCC", "SCC");
        assertThat(taxonomy.find("isic", "AKIEC").orElseThrow().group()).isEqualTo(DiagnosisGroup.PREMALIGNANT);
        assertThat(taxonomy.find("isic", "DF").orElseThrow().nameZh()).isEqualTo("皮肤纤维瘤");
        assertThat(taxonomy.find("isic", "MN")).isEmpty();
        assertThat(taxonomy.inTaxonomyOrder("isic", List.of("SCC", "MEL", "DF"))).containsExactly("MEL", "DF", "SCC");
        assertThatThrownBy(() -> taxonomy.inTaxonomyOrder("isic", List.of("MEL", "Pso")))
                .isInstanceOf(CaseLibraryException.class).hasMessageContaining("Pso").hasMessageContaining("isic");
        assertThat(taxonomy.taxonomies()).extracting(TaxonomySummary::code).startsWith("zhu2021", "isic");
        assertThat(taxonomy.taxonomy("isic").seeded()).isTrue();
        assertThatThrownBy(() -> taxonomy.diagnoses("nope")).isInstanceOf(CaseLibraryException.class)
                .hasMessageContaining("taxonomy.error.unknown");
    }

    @Test
    void a_coordinator_creates_a_taxonomy_and_adds_a_new_code_and_an_existing_one_with_group_and_parent() {
        SignedIn.as(accounts.create("tax-coord", Role.COORDINATOR));
        TaxonomySummary created = taxonomy.create(new NewTaxonomy("melanocytic-1", "1", "Melanocytic lesions",
                "黑素细胞病变", null));

        Diagnosis df = taxonomy.addDiagnosis(new NewDiagnosis(created.code(), "DF", "", "", DiagnosisGroup.BENIGN,
                null));
        Diagnosis mel = taxonomy.addDiagnosis(new NewDiagnosis(created.code(), "MEL", null, null,
                DiagnosisGroup.MALIGNANT, null));
        Diagnosis lm = taxonomy.addDiagnosis(new NewDiagnosis(created.code(), "LMM", "lentigo maligna melanoma",
                "恶性雀斑样痣黑色素瘤", DiagnosisGroup.MALIGNANT, "MEL"));

        assertThat(df.nameEn()).isEqualTo("dermatofibroma");
        assertThat(lm.parent()).isEqualTo("MEL");
        assertThat(taxonomy.diagnoses(created.code())).extracting(Diagnosis::code, Diagnosis::position)
                .containsExactly(tuple("DF", 1),
                        tuple("MEL", 2), tuple("LMM", 3));
        assertThat(mel.group()).isEqualTo(DiagnosisGroup.MALIGNANT);
        assertThat(taxonomy.registry()).extracting(Diagnosis::code).contains("LMM");
        assertThat(taxonomy.all()).as("the default is untouched").hasSize(14);
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('taxonomy.created',"
                + " 'taxonomy.diagnosis-added') and target = 'taxonomy melanocytic-1'").query(Integer.class).single())
                .isEqualTo(4);
    }

    @Test
    void bad_additions_are_refused_with_a_clear_reason_and_change_nothing() {
        SignedIn.as(accounts.create("tax-admin", Role.ADMIN));
        taxonomy.create(new NewTaxonomy("mine", "1", "Mine", "我的", null));
        taxonomy.addDiagnosis(new NewDiagnosis("mine", "BCC", "", "", DiagnosisGroup.MALIGNANT, null));
        int registry = taxonomy.registry().size();

        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("isic", "XX", "x", "x", null, null)),
                "taxonomy.error.seeded");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("zhu2021", "DF", "", "", null, null)),
                "taxonomy.error.seeded");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "BCC", "", "", null, null)),
                "diagnosis.error.already-in-taxonomy");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "bcc", "x", "x", null, null)),
                "diagnosis.error.code-case");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "DF", "fibroma", "", null, null)),
                "diagnosis.error.names-differ");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "NEW1", "new", "", null, null)),
                "taxonomy.error.name");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "NEW1", "new", "新", null, "MEL")),
                "diagnosis.error.parent-not-in-taxonomy");
        assertRefused(() -> taxonomy.addDiagnosis(new NewDiagnosis("mine", "1AB", "x", "x", null, null)),
                "diagnosis.error.code-format");
        assertRefused(() -> taxonomy.create(new NewTaxonomy("Mine 2", "1", "x", "x", null)), "taxonomy.error.code");
        assertRefused(() -> taxonomy.create(new NewTaxonomy("mine", "2", "x", "x", null)),
                "taxonomy.error.code-taken");
        assertRefused(() -> taxonomy.create(new NewTaxonomy("mine2", "1", "MINE", "x", null)),
                "taxonomy.error.name-version-taken");

        assertThat(taxonomy.registry()).hasSize(registry);
        assertThat(taxonomy.diagnoses("mine")).extracting(Diagnosis::code).containsExactly("BCC");
    }

    @Test
    void a_diagnosis_in_use_is_never_removed_and_an_unused_one_added_by_mistake_is() {
        SignedIn.as(accounts.create("tax-admin", Role.ADMIN));
        taxonomy.create(new NewTaxonomy("typo", "1", "Typo", "错字", null));
        taxonomy.addDiagnosis(new NewDiagnosis("typo", "BCC", "", "", DiagnosisGroup.MALIGNANT, null));
        taxonomy.addDiagnosis(new NewDiagnosis("typo", "BCX", "basal cell carcinomx", "基底细胞癌x", null, null));
        taxonomy.addDiagnosis(new NewDiagnosis("typo", "SK", "", "", DiagnosisGroup.BENIGN, null));
        jdbc.sql("""
                insert into inference_model (sha256, name, version, architecture, classes, embedding_dim, size_bytes,
                                             manifest)
                values (repeat('a', 64), 'm', '1', 'a', array['BCC','SK'], 1, 1, '{}'::jsonb)""").update();

        assertThatThrownBy(() -> taxonomy.removeUnusedDiagnosis("typo", "BCC"))
                .isInstanceOf(CaseLibraryException.class).hasMessageContaining("diagnosis.error.in-use")
                .hasMessageContaining("model classes: ");
        assertRefused(() -> taxonomy.removeUnusedDiagnosis("zhu2021", "PWS"), "taxonomy.error.seeded");

        taxonomy.removeUnusedDiagnosis("typo", "BCX");

        assertThat(taxonomy.diagnoses("typo")).extracting(Diagnosis::code, Diagnosis::position)
                .containsExactly(tuple("BCC", 1),
                        tuple("SK", 2));
        assertThat(taxonomy.registry()).extracting(Diagnosis::code).doesNotContain("BCX").contains("BCC");
    }

    @Test
    void readers_and_statisticians_may_read_taxonomies_but_not_change_them() {
        SignedIn.as(accounts.create("tax-reader", Role.READER));
        assertThat(taxonomy.diagnoses("isic")).hasSize(8);
        assertThatThrownBy(() -> taxonomy.create(new NewTaxonomy("r", "1", "r", "r", null)))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(accounts.create("tax-stat", Role.STATISTICIAN));
        assertThatThrownBy(() -> taxonomy.addDiagnosis(new NewDiagnosis("isic", "X", "x", "x", null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).messageKey()).isEqualTo(key));
    }
}
