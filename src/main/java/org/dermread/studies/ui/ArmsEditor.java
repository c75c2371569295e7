package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.dermread.studies.StudyArm;

/**
 * The arms of a human-AI collaboration study: one row per arm with its name and its forms of AI help (the AI's
 * diagnosis only, its probabilities, the malignancy score, k similar cases, the saliency map). Codes follow the
 * rows' order (A, B, ...). Without arms every reader sees the probabilities and the saliency map. The service checks
 * each arm again; a bad arm comes back as the form's problem.
 */
class ArmsEditor extends VerticalLayout {

    private final List<ArmRow> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Button add = new Button();
    private boolean editable = true;
    private boolean enabledByAi;

    ArmsEditor() {
        setPadding(false);
        setSpacing(false);
        setId("study-arms");
        Paragraph help = new Paragraph(getTranslation("studies.arms.help"));
        help.addClassName("arms-help");
        add.setText(getTranslation("studies.arms.add"));
        add.setId("study-arm-add");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(click -> addRow(null));
        add(new H3(getTranslation("studies.arms.title")), help, list, add);
        update();
    }

    /** Shows a study's arms (none for a new study). */
    void show(List<StudyArm> arms) {
        rows.clear();
        list.removeAll();
        arms.forEach(this::addRow);
        update();
    }

    /** The arms as edited, codes by position; a bad arm throws the service's own {@code StudyException}. */
    List<StudyArm> arms() {
        List<StudyArm> arms = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            arms.add(rows.get(i).arm(code(i)));
        }
        return arms;
    }

    /** Arms belong to the AI-assisted phase: without it the section is greyed out. */
    void setAiAssisted(boolean ai) {
        enabledByAi = ai;
        update();
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        update();
    }

    private static String code(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private void addRow(StudyArm arm) {
        if (rows.size() >= 26) {
            return;
        }
        ArmRow row = new ArmRow(arm);
        rows.add(row);
        list.add(row);
        update();
    }

    private void update() {
        boolean on = editable && enabledByAi;
        add.setEnabled(on && rows.size() < 26);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setCode(code(i));
            rows.get(i).setActive(on);
        }
    }

    /** One arm: code, name, forms of help, remove. */
    private final class ArmRow extends HorizontalLayout {

        private final Span code = new Span();
        private final TextField name = new TextField();
        private final Checkbox top1 = new Checkbox();
        private final Checkbox probabilities = new Checkbox();
        private final Checkbox malignancy = new Checkbox();
        private final Checkbox similar = new Checkbox();
        private final IntegerField k = new IntegerField();
        private final Checkbox saliency = new Checkbox();
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        ArmRow(StudyArm arm) {
            setWrap(true);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            addClassName("arm-row");
            code.addClassName("arm-code");
            name.setLabel(getTranslation("studies.arms.name"));
            name.setMaxLength(100);
            top1.setLabel(getTranslation("studies.arms.top1"));
            probabilities.setLabel(getTranslation("studies.arms.probabilities"));
            malignancy.setLabel(getTranslation("studies.arms.malignancy"));
            similar.setLabel(getTranslation("studies.arms.similar"));
            saliency.setLabel(getTranslation("studies.arms.saliency"));
            k.setLabel(getTranslation("studies.arms.k"));
            k.setMin(1);
            k.setMax(StudyArm.MAX_SIMILAR_K);
            k.setStepButtonsVisible(true);
            k.setWidth("7em");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(click -> {
                rows.remove(this);
                list.remove(this);
                update();
            });
            // Top-1 only and the probabilities exclude each other: the probabilities already name the top class.
            top1.addValueChangeListener(e -> {
                if (e.getValue()) {
                    probabilities.setValue(false);
                }
            });
            probabilities.addValueChangeListener(e -> {
                if (e.getValue()) {
                    top1.setValue(false);
                }
            });
            similar.addValueChangeListener(e -> k.setEnabled(e.getValue() && remove.isEnabled()));
            if (arm != null) {
                name.setValue(arm.name());
                top1.setValue(arm.top1());
                probabilities.setValue(arm.probabilities());
                malignancy.setValue(arm.malignancy());
                similar.setValue(arm.similarCases());
                k.setValue(arm.similarK());
                saliency.setValue(arm.saliency());
            } else {
                probabilities.setValue(true);
                k.setValue(4);
            }
            add(code, name, top1, probabilities, malignancy, similar, k, saliency, remove);
        }

        void setCode(String value) {
            code.setText(value);
            setId("study-arm-" + value);
            name.setId("study-arm-" + value + "-name");
            top1.setId("study-arm-" + value + "-top1");
            probabilities.setId("study-arm-" + value + "-probabilities");
            malignancy.setId("study-arm-" + value + "-malignancy");
            similar.setId("study-arm-" + value + "-similar");
            k.setId("study-arm-" + value + "-k");
            saliency.setId("study-arm-" + value + "-saliency");
            remove.setId("study-arm-" + value + "-remove");
            remove.setAriaLabel(getTranslation("studies.arms.remove", value));
            remove.setTooltipText(getTranslation("studies.arms.remove", value));
        }

        void setActive(boolean active) {
            name.setReadOnly(!active);
            top1.setReadOnly(!active);
            probabilities.setReadOnly(!active);
            malignancy.setReadOnly(!active);
            similar.setReadOnly(!active);
            saliency.setReadOnly(!active);
            k.setReadOnly(!active);
            k.setEnabled(similar.getValue());
            remove.setEnabled(active);
        }

        StudyArm arm(String armCode) {
            return new StudyArm(armCode, name.getValue(), top1.getValue(), probabilities.getValue(),
                    malignancy.getValue(), similar.getValue(), similar.getValue() ? k.getValue() : null,
                    saliency.getValue());
        }
    }
}
