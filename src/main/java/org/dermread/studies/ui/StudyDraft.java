package org.dermread.studies.ui;

import java.util.LinkedHashSet;
import java.util.Set;
import org.dermread.cases.Diagnosis;
import org.dermread.studies.CaseSet;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.StudyOptions;

/** A study's definition while the form edits it (the bean of {@link StudyDefinitionForm}'s binder). */
final class StudyDraft {

    private String name = "";
    private String description = "";
    private CaseSet caseSet;
    private Set<Diagnosis> labels = new LinkedHashSet<>();
    private boolean shuffle;
    private boolean allowBack;
    private ConfidenceScale confidence = ConfidenceScale.NONE;
    private boolean feedback;
    private boolean aiAssisted;
    private boolean showClinical;
    private Integer batchSize;
    private Integer washoutDays = 0;
    private boolean randomisePhaseOrder;
    private boolean feedbackCases;

    void setOptions(StudyOptions options) {
        shuffle = options.shuffle();
        allowBack = options.allowBack();
        confidence = options.confidence();
        feedback = options.feedback();
        aiAssisted = options.aiAssisted();
        showClinical = options.showClinical();
        batchSize = options.batchSize();
        washoutDays = options.washoutDays();
        randomisePhaseOrder = options.randomisePhaseOrder();
        feedbackCases = options.feedbackCases();
    }

    /** The options; those of a second phase or of feedback that is off are dropped, as the form greys them out. */
    StudyOptions options() {
        return new StudyOptions(shuffle, allowBack, confidence, feedback, aiAssisted, showClinical, batchSize,
                aiAssisted && washoutDays != null ? washoutDays : 0, aiAssisted && randomisePhaseOrder,
                feedback && feedbackCases);
    }

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

    CaseSet getCaseSet() {
        return caseSet;
    }

    void setCaseSet(CaseSet caseSet) {
        this.caseSet = caseSet;
    }

    Set<Diagnosis> getLabels() {
        return labels;
    }

    void setLabels(Set<Diagnosis> labels) {
        this.labels = labels;
    }

    boolean isShuffle() {
        return shuffle;
    }

    void setShuffle(boolean shuffle) {
        this.shuffle = shuffle;
    }

    boolean isAllowBack() {
        return allowBack;
    }

    void setAllowBack(boolean allowBack) {
        this.allowBack = allowBack;
    }

    ConfidenceScale getConfidence() {
        return confidence;
    }

    void setConfidence(ConfidenceScale confidence) {
        this.confidence = confidence;
    }

    boolean isFeedback() {
        return feedback;
    }

    void setFeedback(boolean feedback) {
        this.feedback = feedback;
    }

    boolean isAiAssisted() {
        return aiAssisted;
    }

    void setAiAssisted(boolean aiAssisted) {
        this.aiAssisted = aiAssisted;
    }

    boolean isShowClinical() {
        return showClinical;
    }

    void setShowClinical(boolean showClinical) {
        this.showClinical = showClinical;
    }

    Integer getWashoutDays() {
        return washoutDays;
    }

    void setWashoutDays(Integer washoutDays) {
        this.washoutDays = washoutDays;
    }

    boolean isRandomisePhaseOrder() {
        return randomisePhaseOrder;
    }

    void setRandomisePhaseOrder(boolean randomisePhaseOrder) {
        this.randomisePhaseOrder = randomisePhaseOrder;
    }

    boolean isFeedbackCases() {
        return feedbackCases;
    }

    void setFeedbackCases(boolean feedbackCases) {
        this.feedbackCases = feedbackCases;
    }

    Integer getBatchSize() {
        return batchSize;
    }

    void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }
}
