package org.dermread.studies.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.studies.CaseSet;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.Study;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyException;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;

/**
 * A study's definition: name, description, case set, label set and options, bound with a {@link Binder}. Choosing
 * a case set takes over its label set. The service checks the form again; the binder only catches what is missing.
 */
class StudyDefinitionForm extends VerticalLayout {

    private final Taxonomy taxonomy;
    /** The taxonomy whose diagnoses the label choice offers. */
    private String shownTaxonomy;
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Select<CaseSet> caseSet = new Select<>();
    private final CheckboxGroup<Diagnosis> labels = new CheckboxGroup<>();
    private final Checkbox shuffle = new Checkbox();
    private final Checkbox allowBack = new Checkbox();
    private final Select<ConfidenceScale> confidence = new Select<>();
    private final Checkbox feedback = new Checkbox();
    private final Checkbox aiAssisted = new Checkbox();
    private final Checkbox showClinical = new Checkbox();
    private final IntegerField batchSize = new IntegerField();
    private final IntegerField washoutDays = new IntegerField();
    private final Checkbox randomisePhaseOrder = new Checkbox();
    private final Checkbox feedbackCases = new Checkbox();
    private final ArmsEditor arms = new ArmsEditor();
    private final Binder<StudyDraft> binder = new Binder<>();

    StudyDefinitionForm(Taxonomy taxonomy, List<CaseSet> sets) {
        this.taxonomy = taxonomy;
        setPadding(false);
        layOut(sets);
        bind();
        aiAssisted.addValueChangeListener(event -> secondPhaseOptions());
        feedback.addValueChangeListener(event -> secondPhaseOptions());
        caseSet.addValueChangeListener(event -> {
            if (event.getValue() != null && event.isFromClient()) {
                useTaxonomyOf(event.getValue());
                labels.setValue(diagnoses(event.getValue().labels()));
            }
        });
    }

    private void layOut(List<CaseSet> sets) {
        name.setLabel(getTranslation("studies.field.name"));
        name.setId("study-name");
        name.setWidth("28em");
        name.setMaxLength(200);
        description.setLabel(getTranslation("studies.field.description"));
        description.setId("study-description");
        description.setWidth("28em");
        caseSet.setLabel(getTranslation("studies.field.case-set"));
        caseSet.setId("study-case-set");
        caseSet.setWidth("28em");
        caseSet.setItems(sets);
        caseSet.setItemLabelGenerator(set -> set == null ? "" : getTranslation("studies.editor.case-set-item",
                set.name(), set.caseCount(), set.labels().size()));
        caseSet.setEmptySelectionAllowed(false);
        if (sets.isEmpty()) {
            caseSet.setHelperText(getTranslation("studies.editor.no-case-sets"));
        }
        labels.setLabel(getTranslation("studies.field.labels"));
        labels.setHelperText(getTranslation("studies.editor.labels.help"));
        labels.setId("study-labels");
        labels.setItems(taxonomy.all());
        shownTaxonomy = Taxonomy.DEFAULT_TAXONOMY;
        labels.setItemLabelGenerator(d -> d.label(getLocale()));
        option(shuffle, "studies.option.shuffle", "study-shuffle");
        option(allowBack, "studies.option.allow-back", "study-allow-back");
        option(feedback, "studies.option.feedback", "study-feedback");
        option(aiAssisted, "studies.option.ai", "study-ai");
        option(showClinical, "studies.option.clinical", "study-clinical");
        option(randomisePhaseOrder, "studies.option.randomise-phase-order", "study-randomise-phase-order");
        randomisePhaseOrder.setHelperText(getTranslation("studies.option.randomise-phase-order.help"));
        option(feedbackCases, "studies.option.feedback-cases", "study-feedback-cases");
        washoutDays.setLabel(getTranslation("studies.option.washout"));
        washoutDays.setHelperText(getTranslation("studies.option.washout.help"));
        washoutDays.setId("study-washout");
        washoutDays.setMin(0);
        washoutDays.setMax(StudyOptions.MAX_WASHOUT_DAYS);
        washoutDays.setStepButtonsVisible(true);
        confidence.setLabel(getTranslation("studies.option.confidence"));
        confidence.setId("study-confidence");
        confidence.setItems(ConfidenceScale.values());
        confidence.setItemLabelGenerator(scale -> getTranslation("studies.confidence." + scale.name()));
        batchSize.setLabel(getTranslation("studies.option.batch"));
        batchSize.setHelperText(getTranslation("studies.option.batch.help"));
        batchSize.setId("study-batch");
        batchSize.setMin(1);

        VerticalLayout optionBox = new VerticalLayout(shuffle, allowBack, feedback, feedbackCases, aiAssisted,
                randomisePhaseOrder, showClinical);
        optionBox.setPadding(false);
        optionBox.setSpacing(false);
        feedbackCases.getStyle().set("margin-left", "var(--lumo-space-l)");
        randomisePhaseOrder.getStyle().set("margin-left", "var(--lumo-space-l)");
        HorizontalLayout scaleRow = new HorizontalLayout(confidence, batchSize, washoutDays);
        scaleRow.setWrap(true);
        add(name, description, caseSet, labels, new H3(getTranslation("studies.editor.options")), optionBox,
                scaleRow, arms);
    }

    private void option(Checkbox box, String key, String id) {
        box.setLabel(getTranslation(key));
        box.setId(id);
    }

    private void bind() {
        binder.forField(name).asRequired(getTranslation("studies.error.name"))
                .bind(StudyDraft::getName, StudyDraft::setName);
        binder.forField(description).bind(StudyDraft::getDescription, StudyDraft::setDescription);
        binder.forField(caseSet).asRequired(getTranslation("studies.caseset.error.not-found"))
                .bind(StudyDraft::getCaseSet, StudyDraft::setCaseSet);
        binder.forField(labels).bind(StudyDraft::getLabels, StudyDraft::setLabels);
        binder.forField(shuffle).bind(StudyDraft::isShuffle, StudyDraft::setShuffle);
        binder.forField(allowBack).bind(StudyDraft::isAllowBack, StudyDraft::setAllowBack);
        binder.forField(confidence).bind(StudyDraft::getConfidence, StudyDraft::setConfidence);
        binder.forField(feedback).bind(StudyDraft::isFeedback, StudyDraft::setFeedback);
        binder.forField(aiAssisted).bind(StudyDraft::isAiAssisted, StudyDraft::setAiAssisted);
        binder.forField(showClinical).bind(StudyDraft::isShowClinical, StudyDraft::setShowClinical);
        binder.forField(washoutDays)
                .withValidator(days -> days == null || (days >= 0 && days <= StudyOptions.MAX_WASHOUT_DAYS),
                        getTranslation("studies.error.washout-days", StudyOptions.MAX_WASHOUT_DAYS))
                .bind(StudyDraft::getWashoutDays, StudyDraft::setWashoutDays);
        binder.forField(randomisePhaseOrder).bind(StudyDraft::isRandomisePhaseOrder,
                StudyDraft::setRandomisePhaseOrder);
        binder.forField(feedbackCases).bind(StudyDraft::isFeedbackCases, StudyDraft::setFeedbackCases);
        binder.forField(batchSize)
                .withValidator(size -> size == null || size >= 1, getTranslation("studies.error.batch-size"))
                .bind(StudyDraft::getBatchSize, StudyDraft::setBatchSize);
    }

    /** Shows a study, or for a new one the defaults with the first case set and its labels. */
    void show(Study study, List<CaseSet> sets) {
        StudyDraft draft = new StudyDraft();
        StudyOptions options = study == null ? StudyOptions.DEFAULTS : study.options();
        if (study != null) {
            draft.setName(study.name());
            draft.setDescription(study.description() == null ? "" : study.description());
            draft.setCaseSet(sets.stream().filter(set -> set.id() == study.caseSetId()).findFirst().orElse(null));
            if (draft.getCaseSet() != null) {
                useTaxonomyOf(draft.getCaseSet());
            }
            draft.setLabels(diagnoses(study.labels()));
        } else if (!sets.isEmpty()) {
            draft.setCaseSet(sets.get(0));
            useTaxonomyOf(sets.get(0));
            draft.setLabels(diagnoses(sets.get(0).labels()));
        }
        draft.setOptions(options);
        binder.readBean(draft);
        arms.show(study == null ? List.of() : study.arms());
        secondPhaseOptions();
    }

    /** Washout and phase order belong to the AI-assisted phase, the list of wrong cases to feedback. */
    private void secondPhaseOptions() {
        boolean second = Boolean.TRUE.equals(aiAssisted.getValue());
        washoutDays.setEnabled(second);
        randomisePhaseOrder.setEnabled(second);
        arms.setAiAssisted(second);
        feedbackCases.setEnabled(Boolean.TRUE.equals(feedback.getValue()));
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        arms.setEditable(editable);
    }

    /** The form to save, or empty (with the first problem as the message) when a field is missing or wrong. */
    Optional<StudyForm> form(Consumer<String> problem) {
        StudyDraft draft = new StudyDraft();
        BinderValidationStatus<StudyDraft> status = binder.validate();
        if (!status.isOk()) {
            status.getValidationErrors().stream().map(ValidationResult::getErrorMessage).findFirst()
                    .ifPresent(problem);
            return Optional.empty();
        }
        binder.writeBeanIfValid(draft);
        List<String> codes = taxonomy.inTaxonomyOrder(draft.getCaseSet().taxonomy(),
                draft.getLabels().stream().map(Diagnosis::code).toList());
        List<StudyArm> studyArms;
        try {
            studyArms = draft.isAiAssisted() ? arms.arms() : List.of();
        } catch (StudyException e) {
            problem.accept(getTranslation(e.messageKey(), e.arguments()));
            return Optional.empty();
        }
        return Optional.of(new StudyForm(draft.getName(), draft.getDescription(), draft.getCaseSet().id(), codes,
                draft.options(), studyArms));
    }

    private Set<Diagnosis> diagnoses(List<String> codes) {
        Map<String, Diagnosis> known = taxonomy.byCode(shownTaxonomy);
        return new LinkedHashSet<>(codes.stream().map(known::get).filter(Objects::nonNull).toList());
    }

    /** The labels on offer are the case set's taxonomy's diagnoses (a study takes its taxonomy from its case set). */
    private void useTaxonomyOf(CaseSet set) {
        if (!set.taxonomy().equals(shownTaxonomy)) {
            shownTaxonomy = set.taxonomy();
            labels.setItems(taxonomy.diagnoses(shownTaxonomy));
        }
    }
}
