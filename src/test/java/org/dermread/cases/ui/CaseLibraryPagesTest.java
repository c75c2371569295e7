package org.dermread.cases.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.Taxonomy;
import org.dermread.shell.AccessDeniedView;
import org.dermread.shell.NotFoundView;
import org.dermread.testing.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's import, library and case pages, server-side with the real services and database. */
class CaseLibraryPagesTest extends KaribuTest {

    @Autowired
    CaseLibraryService library;
    @Autowired
    Taxonomy taxonomy;

    Account coordinator;

    @BeforeEach
    void signIn() {
        coordinator = testAccounts.create("lib-coord", Role.COORDINATOR);
        login(coordinator);
    }

    @Test
    void importing_the_demo_folder_reports_the_outcome_and_the_library_lists_it_with_counts() {
        UI.getCurrent().navigate("coordinator/import");
        _setValue(_get(TextField.class, spec -> spec.withId("import-folder")), "study-sets/demo");
        _click(_get(Button.class, spec -> spec.withId("import-folder-button")));

        Div report = _get(Div.class, spec -> spec.withId("import-report"));
        assertThat(report.getElement().getAttribute("data-outcome")).isIn("imported", "unchanged");

        UI.getCurrent().navigate("coordinator/cases");
        @SuppressWarnings("unchecked")
        Grid<LibraryCase> grid = _get(Grid.class, spec -> spec.withId("case-grid"));
        int all = GridKt._size(grid);
        assertThat(all).isGreaterThanOrEqualTo(200);
        Span mn = _get(Span.class, spec -> spec.withId("count-MN"));
        assertThat(mn.getText()).startsWith("MN: ");
        assertThat(mn.getTitle()).contains("MN · melanocytic nevus");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Diagnosis> filter =
                _get(MultiSelectComboBox.class, spec -> spec.withId("filter-diagnosis"));
        _setValue(filter, Set.of(taxonomy.registry().stream().filter(d -> d.code().equals("BCC")).findFirst()
                .orElseThrow()));

        int bcc = library.countsPerClass(CaseFilter.diagnoses(List.of("BCC"))).get("BCC");
        assertThat(GridKt._size(grid)).isEqualTo(bcc);
        assertThat(_find(Span.class, spec -> spec.withId("count-MN"))).isEmpty();
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("BCC · basal cell carcinoma");
    }

    @Test
    void a_case_opens_with_its_image_at_full_size_and_its_ground_truth() {
        long source = library.importFolder(Path.of("study-sets/demo")).sourceId();
        LibraryCase first = library.cases(new CaseFilter(Set.of(), Set.of(source))).get(0);

        UI.getCurrent().navigate("coordinator/cases/" + first.id());

        assertThat(_get(H2.class, spec -> spec.withId("case-title")).getText())
                .contains(first.externalId());
        Image image = _get(Image.class, spec -> spec.withId("case-image"));
        assertThat(image.getSrc()).isNotBlank();
        assertThat(_get(FormLayout.class, spec -> spec.withId("case-fields"))
                .getElement().getTextRecursively()).contains(first.diagnosis());
    }

    @Test
    void an_uploaded_zip_with_problems_lists_every_problem_with_its_file_and_line() throws Exception {
        UI.getCurrent().navigate("coordinator/import");
        byte[] zip = zip("""
                case_id,image,diagnosis,age,sex,body_site,confirmation
                a-1,images/a-1.png,XYZ,,,,
                a-1,images/missing.png,MN,,,,
                """);

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("zip-upload")), "bad.zip", "application/zip", zip);
        MockVaadin.clientRoundtrip();

        Div report = _get(Div.class, spec -> spec.withId("import-report"));
        assertThat(report.getElement().getAttribute("data-outcome")).isEqualTo("refused");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("import-problems"));
        List<String> problems = IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> String.join(" ", GridKt._getFormattedRow(grid, row))).toList();
        assertThat(problems)
                .anyMatch(p -> p.contains("manifest.csv, line 2") && p.contains("Unknown diagnosis code \"XYZ\""));
        assertThat(problems).anyMatch(p -> p.contains("manifest.csv, line 3") && p.contains("already used on line 2"));
        assertThat(problems).anyMatch(p -> p.contains("images/missing.png"));
        assertThat(problems).anyMatch(p -> p.contains("set.json"));
    }

    @Test
    void the_import_page_speaks_chinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("coordinator/import");

        assertThat(_get(Button.class, spec -> spec.withId("import-folder-button")).getText()).isEqualTo("导入文件夹");
    }

    @Test
    void readers_cannot_open_the_library_or_the_import_page() {
        login(testAccounts.create("lib-reader", Role.READER));

        UI.getCurrent().navigate("coordinator/cases");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOfAny(AccessDeniedView.class, NotFoundView.class);
        UI.getCurrent().navigate("coordinator/import");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOfAny(AccessDeniedView.class, NotFoundView.class);
    }

    private static byte[] zip(String manifest) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("images/a-1.png"));
            var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(image, "png", zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
