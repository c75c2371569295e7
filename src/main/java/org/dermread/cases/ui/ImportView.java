package org.dermread.cases.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.springframework.security.access.AccessDeniedException;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.ImportFailedException;
import org.dermread.cases.ImportProperties;
import org.dermread.cases.ImportResult;
import org.dermread.cases.ManifestFormat;
import org.dermread.cases.Taxonomy;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.shell.UploadTexts;

/**
 * Import a study set into the library: a ZIP uploaded from the browser, or a folder on the server (under the
 * configured import roots). Either way the page shows what was stored or every problem found.
 */
@Route("coordinator/import")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final String SAMPLE_FILE = "dermread-sample-study-set.zip";

    private final CaseLibraryService library;
    private final ImportReport report;
    private final TextField folder = new TextField();
    private Upload upload;

    public ImportView(CaseLibraryService library, ImportProperties properties, Taxonomy taxonomy) {
        this.library = library;
        // the taxonomy by its name, as the designer lists it, not by its bare code
        this.report = new ImportReport(code -> taxonomy.taxonomies().stream().filter(t -> t.code().equals(code))
                .findFirst().map(t -> t.label(getLocale())).orElse(code));
        setId("import-view");
        setMaxWidth("64em");
        add(new CoordinatorMenu("coordinator/import"), new H2(getTranslation("cases.import.title")),
                new Paragraph(getTranslation("cases.import.intro")), sampleDownload(), report);

        add(new H3(getTranslation("cases.import.zip.title")));
        upload = new Upload(UploadHandler.toTempFile(this::zipArrived));
        upload.setId("zip-upload");
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFiles(1);
        upload.setDropAllowed(true);
        upload.setI18n(uploadI18n());
        upload.addFileRejectedListener(event -> Notifications.error(event.getErrorMessage()));
        add(upload, new Paragraph(getTranslation("cases.import.zip.hint")));

        add(new H3(getTranslation("cases.import.folder.title")));
        folder.setLabel(getTranslation("cases.import.folder.label"));
        folder.setId("import-folder");
        folder.setWidth("28em");
        folder.setPlaceholder("study-sets/demo");
        folder.setHelperText(getTranslation("cases.import.folder.roots", properties.folderRoots().stream()
                .map(Path::toString).collect(Collectors.joining(", "))));
        Button importFolder = new Button(getTranslation("cases.import.folder.button"), click -> importFolder());
        importFolder.setId("import-folder-button");
        importFolder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout folderRow = new HorizontalLayout(folder, importFolder);
        folderRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        folderRow.setWrap(true);
        add(folderRow, new Anchor("coordinator/cases", getTranslation("cases.import.to-library")),
                sample(taxonomy.all().stream().map(Diagnosis::code).toList()));
    }

    /** The sample set as a ZIP, near the top of the page, where a first-time user looks. */
    private Anchor sampleDownload() {
        Anchor zip = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = library.sampleStudySet();
                return new DownloadResponse(new ByteArrayInputStream(bytes), SAMPLE_FILE, "application/zip",
                        bytes.length);
            } catch (AccessDeniedException e) {
                return DownloadResponse.error(403);
            }
        }), getTranslation("cases.import.sample.download"));
        zip.getElement().setAttribute("download", true);
        zip.setId("download-sample-set");
        return zip;
    }

    /**
     * What the sample set is and the manifest's columns, so that a person in a browser can prepare a set without
     * the server's study-sets/README.md. Names typed literally (columns, codes, values) are shown as code.
     */
    private Section sample(List<String> codes) {
        Section section = new Section();
        section.setId("sample-set");
        NativeTable columns = new NativeTable();
        columns.setId("manifest-columns");
        columns.addClassName("manifest-columns");
        NativeTableRow header = new NativeTableRow();
        for (String key : List.of("cases.import.column.name", "cases.import.column.required",
                "cases.import.column.content")) {
            header.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        columns.getHead().add(header);
        for (String column : ManifestFormat.ALL_COLUMNS) {
            NativeTableCell content = new NativeTableCell(getTranslation("cases.import.column." + column));
            if (column.equals("diagnosis")) {
                content.add(new Code(codes.stream().collect(Collectors.joining(", "))));
            } else if (column.equals("confirmation")) {
                content.add(new Code(String.join(", ", ManifestFormat.CONFIRMATIONS)));
            }
            String required = ManifestFormat.REQUIRED.contains(column) ? "common.yes" : "common.no";
            columns.getBody().add(new NativeTableRow(new NativeTableCell(new Code(column)),
                    new NativeTableCell(getTranslation(required)), content));
        }
        Paragraph setJson = new Paragraph(new Text(getTranslation("cases.import.sample.set-json.required") + " "),
                new Code("name, source, description"), new Text(getTranslation("cases.import.sample.set-json.optional")
                        + " "), new Code("synthetic, generator, seed, taxonomy"), new Text(" " + getTranslation(
                        "cases.import.sample.set-json.synthetic") + " "), new Code("\"synthetic\": true"));
        section.add(new H3(getTranslation("cases.import.sample.title")),
                new Paragraph(getTranslation("cases.import.sample.intro")),
                new Paragraph(getTranslation("cases.import.sample.columns")),
                new Code(String.join(",", ManifestFormat.COLUMNS)), columns, setJson);
        return section;
    }

    private void importFolder() {
        report.clear();
        if (folder.getValue().isBlank()) {
            Notifications.error(getTranslation("cases.import.folder.empty"));
            return;
        }
        try {
            report.success(library.importFolder(Path.of(folder.getValue().trim())));
        } catch (ImportFailedException e) {
            report.failure(e);
        } catch (UserFacingException e) {
            Notifications.error(e);
        } catch (InvalidPathException e) {
            Notifications.error(getTranslation("cases.import.folder.invalid"));
        }
    }

    /** Called when the upload has been written to a temporary file: imports it, shows the outcome, deletes it. */
    private void zipArrived(UploadMetadata metadata, File file) throws IOException {
        UI ui = UI.getCurrent() != null ? UI.getCurrent() : getUI().orElseThrow();
        ImportResult result = null;
        ImportFailedException refused = null;
        UserFacingException other = null;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            result = library.importZip(in, metadata.fileName());
        } catch (ImportFailedException e) {
            refused = e;
        } catch (UserFacingException e) {
            other = e;
        } finally {
            Files.deleteIfExists(file.toPath());
        }
        ImportResult done = result;
        ImportFailedException failed = refused;
        UserFacingException error = other;
        ui.access(() -> {
            upload.clearFileList();
            if (done != null) {
                report.success(done);
            } else if (failed != null) {
                report.failure(failed);
            } else if (error != null) {
                Notifications.error(error);
            }
        });
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = UploadTexts.of(this, "cases.import.zip.button", "cases.import.zip.drop");
        i18n.getError().setTooManyFiles(getTranslation("cases.import.zip.one"))
                .setIncorrectFileType(getTranslation("cases.import.zip.type"));
        i18n.getUploading().getStatus().setProcessing(getTranslation("cases.import.zip.processing"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.import.title") + " · " + getTranslation("app.name");
    }
}
