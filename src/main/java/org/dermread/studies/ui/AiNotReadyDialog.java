package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.StudyAiRuns;
import org.dermread.studies.StudyAiRuns.ModelChoice;

/**
 * Shown instead of the plain confirmation when an AI-assisted study is opened before the AI has read every case:
 * readers could then finish the unaided phase and find the AI phase closed. Offers to start the run with a model
 * that knows every label, to open anyway, or to wait.
 */
class AiNotReadyDialog extends Dialog {

    /**
     * @param open opens the study; returns whether it was opened
     */
    AiNotReadyDialog(long studyId, StudyAiRuns ai, BooleanSupplier open) {
        setId("ai-not-ready");
        setHeaderTitle(getTranslation("studies.ai.not-ready.title"));
        add(new Paragraph(getTranslation("studies.ai.not-ready.text")));
        List<ModelChoice> models = ai.suitableModels(studyId);
        Select<ModelChoice> model = new Select<>();
        model.setId("ai-model");
        model.setLabel(getTranslation("studies.ai.model"));
        model.setItems(models);
        model.setItemLabelGenerator(ModelChoice::label);
        model.setWidthFull();
        if (models.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("studies.ai.no-model"));
            none.setId("ai-no-model");
            add(none);
        } else {
            model.setValue(models.get(0));
            add(model);
        }

        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        Button anyway = new Button(getTranslation("studies.ai.open-anyway"), click -> {
            close();
            open.getAsBoolean();
        });
        anyway.setId("open-without-run");
        Button run = new Button(getTranslation("studies.ai.open-and-run"), click -> {
            close();
            if (open.getAsBoolean()) {
                try {
                    ai.startRun(studyId, model.getValue().sha256());
                    Notifications.success(getTranslation("studies.ai.run-started", model.getValue().label()));
                } catch (UserFacingException e) {
                    Notifications.error(e);
                }
            }
        });
        run.setId("open-and-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(!models.isEmpty());
        getFooter().add(cancel, anyway, run);
    }
}
