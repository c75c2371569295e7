package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.dermread.studies.CreatedReader;

/** The one-time passwords of readers just created: shown once, never stored. */
class OneTimePasswordsDialog extends Dialog {

    OneTimePasswordsDialog(List<CreatedReader> created) {
        setHeaderTitle(getTranslation("studies.readers.passwords.title"));
        setId("reader-passwords");
        Grid<CreatedReader> grid = new Grid<>(CreatedReader.class, false);
        grid.setId("created-readers");
        grid.addColumn(CreatedReader::displayName).setHeader(getTranslation("accounts.name"));
        grid.addColumn(CreatedReader::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(CreatedReader::oneTimePassword).setHeader(getTranslation("accounts.onetime.title"))
                .setAutoWidth(true);
        grid.setItems(created);
        grid.setAllRowsVisible(true);
        grid.setWidth("min(56em, 90vw)");
        add(new Paragraph(getTranslation("studies.readers.passwords.text")), grid);
        Button done = new Button(getTranslation("common.close"), click -> close());
        done.setId("close-passwords");
        getFooter().add(done);
        setCloseOnOutsideClick(false);
    }
}
