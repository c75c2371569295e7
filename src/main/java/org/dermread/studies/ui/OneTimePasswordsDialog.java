package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.dermread.shell.Notifications;
import org.dermread.studies.CreatedReader;

/**
 * The one-time passwords of readers just created: shown once, never stored. They can be downloaded once as a CSV
 * (a second download gets nothing) and copied as tab-separated lines; closing the dialog forgets them.
 */
class OneTimePasswordsDialog extends Dialog {

    private final OneTimeDownload file;

    OneTimePasswordsDialog(List<CreatedReader> created) {
        file = new OneTimeDownload(CreatedReader.csv(created));
        setHeaderTitle(getTranslation("studies.readers.passwords.title"));
        setId("reader-passwords");
        Grid<CreatedReader> grid = new Grid<>(CreatedReader.class, false);
        grid.setId("created-readers");
        grid.addColumn(CreatedReader::displayName).setHeader(getTranslation("accounts.name")).setFlexGrow(2)
                .setAutoWidth(true);
        grid.addColumn(CreatedReader::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(CreatedReader::oneTimePassword).setHeader(getTranslation("accounts.onetime.title"))
                .setAutoWidth(true);
        grid.setItems(created);
        grid.setAllRowsVisible(true);
        grid.setWidth("min(56em, 90vw)");

        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> file.take()
                .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), "reader-credentials.csv",
                        "text/csv; charset=UTF-8", bytes.length))
                .orElseGet(() -> DownloadResponse.error(410))), getTranslation("studies.readers.passwords.csv"));
        download.getElement().setAttribute("download", true);
        download.setId("download-credentials");
        String lines = created.stream()
                .map(reader -> reader.username() + "\t" + reader.displayName() + "\t" + reader.oneTimePassword())
                .collect(Collectors.joining("\n"));
        Button copy = new Button(getTranslation("studies.readers.passwords.copy"), VaadinIcon.COPY.create(),
                click -> {
                    getElement().executeJs("return navigator.clipboard.writeText($0)", lines);
                    Notifications.success(getTranslation("studies.readers.passwords.copied", created.size()));
                });
        copy.setId("copy-credentials");
        HorizontalLayout tools = new HorizontalLayout(download, copy);
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph(getTranslation("studies.readers.passwords.text")),
                new Paragraph(getTranslation("studies.readers.passwords.once")), tools, grid);
        Button done = new Button(getTranslation("common.close"), click -> close());
        done.setId("close-passwords");
        getFooter().add(done);
        setCloseOnOutsideClick(false);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                file.discard();
            }
        });
    }
}
