package org.dermread.inference;

import org.dermread.accounts.AccountService;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.inference.internal.StudyCasesRepository;
import org.dermread.inference.internal.StudyCasesRepository.StudyRow;
import org.dermread.reading.AidedPhaseGate;
import org.dermread.studies.StudyArm;
import org.dermread.studies.StudyAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with models and predictions, on top of {@link StudyAccess} (which answers who manages or may read
 * a study). Coordinators of a study (and admins) run models on it;
 * statisticians (and the study's coordinators, and admins) read its predictions; readers see the AI's advice only
 * in the AI-assisted phase of a study they take part in, when that phase is open to them: after the unaided
 * phase and its washout, or at once for a reader whose randomised phase order starts with the AI
 * ({@link AidedPhaseGate}, the reading feature's one answer to that question).
 */
@Component
class InferenceAccess {

    private final StudyCasesRepository studies;
    private final StudyAccess studyAccess;
    private final AccountService accounts;
    private final AidedPhaseGate aidedPhase;

    InferenceAccess(StudyCasesRepository studies, StudyAccess studyAccess, AccountService accounts,
            AidedPhaseGate aidedPhase) {
        this.studies = studies;
        this.studyAccess = studyAccess;
        this.accounts = accounts;
        this.aidedPhase = aidedPhase;
    }

    /** The signed-in account's id. */
    long currentAccountId() {
        return accounts.currentAccount().id().value();
    }

    StudyRow study(long studyId) {
        return studies.study(studyId).orElseThrow(() -> new UserFacingException("inference.error.unknown-study",
                studyId));
    }

    boolean mayRun(long studyId) {
        return studyAccess.mayManage(studyId);
    }

    boolean mayRead(long studyId) {
        return studyAccess.mayReadResults(studyId);
    }

    /** Coordinators of the study and admins. */
    StudyRow requireMayRun(long studyId) {
        StudyRow study = study(studyId);
        if (!mayRun(studyId)) {
            throw new AccessDeniedException("not a coordinator of study " + studyId);
        }
        return study;
    }

    /** Coordinators of the study, statisticians and admins. */
    StudyRow requireMayRead(long studyId) {
        StudyRow study = study(studyId);
        if (!mayRead(studyId)) {
            throw new AccessDeniedException("may not read the predictions of study " + studyId);
        }
        return study;
    }

    /** Statisticians, admins, and coordinators of a study that contains the case. */
    void requireMayReadCase(long caseId) {
        studyAccess.requireMayReadCaseResults(caseId);
    }

    /**
     * A reader in the AI-assisted phase: takes part in the study, the study has that phase, it is open to the
     * reader (by their phase order and the washout), and the case belongs to the study.
     */
    StudyRow requireAidedReader(long studyId, long caseId) {
        StudyRow study = study(studyId);
        if (!CurrentUser.hasRole(Role.READER)) {
            throw new AccessDeniedException("not a reader");
        }
        long reader = currentAccountId();
        if (!study.aiAssistedPhase()) {
            throw new AccessDeniedException("study " + studyId + " has no AI-assisted phase");
        }
        if (!aidedPhase.isOpenFor(studyId, reader)) {
            throw new AccessDeniedException("the AI-assisted phase is not open to this reader");
        }
        if (!studies.caseInStudy(studyId, caseId)) {
            throw new AccessDeniedException("case " + caseId + " is not in study " + studyId);
        }
        return study;
    }

    /**
     * As {@link #requireAidedReader}, and the forms of help of the reader's arm ({@link StudyArm#DEFAULT} in a
     * study without arms): a reader is given only their own arm's help.
     */
    StudyArm requireAidedHelp(long studyId, long caseId) {
        requireAidedReader(studyId, caseId);
        return aidedPhase.helpFor(studyId, currentAccountId())
                .orElseThrow(() -> new AccessDeniedException("no arm drawn for this reader"));
    }

    /** May see whether the study's predictions are complete: readers, too, if they take part in it. */
    void requireMaySeeCompleteness(long studyId) {
        study(studyId);
        if (mayRead(studyId)) {
            return;
        }
        studyAccess.requireTakesPart(studyId);
    }
}
