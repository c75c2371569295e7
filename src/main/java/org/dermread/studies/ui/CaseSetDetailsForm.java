package org.dermread.studies.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.Optional;
import org.dermread.shell.Notifications;
import org.dermread.studies.CaseSet;

/** A case set's name and description, bound with a {@link Binder}. */
class CaseSetDetailsForm extends VerticalLayout {

    /** The name and description as the form edits them. */
    static final class Details {

        private String name = "";
        private String description = "";

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        String getDescription() {
            return description;
        }

        void setDescription(String description) {
            this.description = description;
        }
    }

    private final Binder<Details> binder = new Binder<>();

    CaseSetDetailsForm() {
        setPadding(false);
        TextField name = new TextField(getTranslation("studies.field.name"));
        name.setId("case-set-name");
        name.setWidth("28em");
        name.setMaxLength(200);
        TextArea description = new TextArea(getTranslation("studies.field.description"));
        description.setId("case-set-description");
        description.setWidth("28em");
        binder.forField(name).asRequired(getTranslation("studies.caseset.error.name"))
                .bind(Details::getName, Details::setName);
        binder.forField(description).bind(Details::getDescription, Details::setDescription);
        binder.readBean(new Details());
        add(name, description);
    }

    void show(CaseSet caseSet) {
        Details details = new Details();
        details.setName(caseSet.name());
        details.setDescription(caseSet.description() == null ? "" : caseSet.description());
        binder.readBean(details);
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
    }

    /** The details, or empty (and the reason shown) when the name is missing. */
    Optional<Details> details() {
        Details details = new Details();
        if (binder.writeBeanIfValid(details)) {
            return Optional.of(details);
        }
        Notifications.error(getTranslation("studies.caseset.error.name"));
        return Optional.empty();
    }
}
