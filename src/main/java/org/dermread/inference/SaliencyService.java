package org.dermread.inference;

import org.dermread.common.UserFacingException;
import org.dermread.inference.internal.ModelRepository;
import org.dermread.inference.internal.PredictionRepository;
import org.dermread.inference.internal.StudyCasesRepository;
import org.dermread.inference.internal.StudyCasesRepository.StudyRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saliency maps: where the model looks when it names its top class for a case, as the paper shows (Zhu et al.,
 * Front. Med. 2021). Computed on first request from the input gradient ({@link ModelRuntime#inputGradient}),
 * drawn over the case image ({@link SaliencyRenderer}) and kept, so each map is computed once per model and case.
 */
@Service
public class SaliencyService {

    private static final Logger log = LoggerFactory.getLogger(SaliencyService.class);

    private final InferenceAccess access;
    private final ModelRepository models;
    private final PredictionRepository predictions;
    private final StudyCasesRepository studies;
    private final ModelRegistry registry;
    private final ModelRuntime runtime;

    SaliencyService(InferenceAccess access, ModelRepository models, PredictionRepository predictions,
            StudyCasesRepository studies, ModelRegistry registry, ModelRuntime runtime) {
        this.access = access;
        this.models = models;
        this.predictions = predictions;
        this.studies = studies;
        this.registry = registry;
        this.runtime = runtime;
    }

    /**
     * The saliency map of the model's top class (of its 14) for a case, as a PNG of the case image with the map
     * blended over it. For statisticians, admins and coordinators of a study containing the case.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public byte[] saliencyPng(String modelSha256, long caseId) {
        access.requireMayReadCase(caseId);
        return compute(modelSha256, caseId);
    }

    /**
     * The saliency map of the study's model for a case, for a reader in the study's AI-assisted phase (same checks
     * as {@link InferenceService#aidedPhasePrediction(long, long)}).
     */
    @Transactional
    @PreAuthorize("hasRole('READER')")
    public byte[] aidedPhaseSaliencyPng(long studyId, long caseId) {
        StudyRow study = access.requireAidedReader(studyId, caseId);
        if (!access.requireAidedHelp(studyId, caseId).saliency()) {
            throw new AccessDeniedException("this reader's arm does not show the saliency map");
        }
        String sha = study.modelSha256() != null ? study.modelSha256().strip()
                : predictions.latestCompletedModel(studyId)
                        .orElseThrow(() -> new UserFacingException("inference.error.no-prediction", caseId));
        return compute(sha, caseId);
    }

    /** Whether the reader's arm shows the saliency map (same checks as {@link #aidedPhaseSaliencyPng}). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('READER')")
    public boolean aidedPhaseShowsSaliency(long studyId, long caseId) {
        return access.requireAidedHelp(studyId, caseId).saliency();
    }

    private byte[] compute(String modelSha256, long caseId) {
        RegisteredModel model = models.find(modelSha256)
                .orElseThrow(() -> new UserFacingException("inference.error.unknown-model", modelSha256));
        PredictionRepository.CaseRow prediction = predictions.find(modelSha256, caseId)
                .orElseThrow(() -> new UserFacingException("inference.error.no-prediction", caseId));
        int top = argmax(prediction.probabilities());
        String code = model.classes().get(top);
        return predictions.saliency(modelSha256, caseId, code).orElseGet(() -> {
            long start = System.nanoTime();
            byte[] image = studies.imageBytes(caseId)
                    .orElseThrow(() -> new UserFacingException("inference.error.case-image", caseId));
            float[] gradient = runtime.inputGradient(model, registry.storedFile(model), Pixels.decode(image), top);
            byte[] png = SaliencyRenderer.overlayPng(image, gradient);
            predictions.insertSaliency(modelSha256, caseId, code, png);
            log.info("Saliency of case {} ({}) for model {} in {} ms", caseId, code, model.label(),
                    (System.nanoTime() - start) / 1_000_000);
            return png;
        });
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
