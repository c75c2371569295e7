package org.dermread.studies;

import org.dermread.accounts.AccountService;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.common.AnyCaller;
import org.dermread.studies.internal.StudyRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "may the signed-in person do this with this study?", for every feature. Administrators manage
 * every study; a coordinator manages the studies they coordinate ({@code study_coordinator}); statisticians read the
 * results of every study; a reader reads only the studies they take part in, and never their results.
 *
 * <p>The boolean questions never throw; the {@code require...} forms throw Spring's {@link AccessDeniedException},
 * which the views turn into a 403 page and the services let through unchanged.
 */
@Service
@AnyCaller("answers access questions for the callers' own checks; reveals nothing but a yes or no about the caller")
public class StudyAccess {

    private final StudyRepository studies;
    private final AccountService accounts;

    public StudyAccess(StudyRepository studies, AccountService accounts) {
        this.studies = studies;
        this.accounts = accounts;
    }

    /** Administrators, and coordinators of this study: may change it, invite readers, run models on it. */
    @Transactional(readOnly = true)
    public boolean mayManage(long studyId) {
        return CurrentUser.hasRole(Role.ADMIN)
                || (CurrentUser.hasRole(Role.COORDINATOR) && signedIn() && studies.isCoordinator(studyId, me()));
    }

    /** Administrators and statisticians: may see every study; everyone else sees only their own. */
    public boolean seesEveryStudy() {
        return CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.STATISTICIAN);
    }

    /** Administrators, statisticians and the study's coordinators: may see its results, predictions and bundle. */
    @Transactional(readOnly = true)
    public boolean mayReadResults(long studyId) {
        return CurrentUser.hasRole(Role.STATISTICIAN) || mayManage(studyId);
    }

    /** Whether the signed-in person takes part in the study as a reader. */
    @Transactional(readOnly = true)
    public boolean takesPart(long studyId) {
        return CurrentUser.hasRole(Role.READER) && signedIn() && studies.isParticipant(studyId, me());
    }

    /** May see the study's definition (no ground truth): those who may read its results, and its readers. */
    @Transactional(readOnly = true)
    public boolean mayRead(long studyId) {
        return mayReadResults(studyId) || takesPart(studyId);
    }

    /**
     * Statisticians and administrators, and coordinators of a study that contains the case: may see a library
     * case's AI output.
     */
    @Transactional(readOnly = true)
    public boolean mayReadCaseResults(long caseId) {
        return CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.STATISTICIAN)
                || (CurrentUser.hasRole(Role.COORDINATOR) && signedIn()
                        && studies.coordinatesStudyWithCase(me(), caseId));
    }

    /** Coordinators: whether the reader takes part in a study the signed-in coordinator coordinates. */
    @Transactional(readOnly = true)
    public boolean coordinatesReader(long readerId) {
        return CurrentUser.hasRole(Role.COORDINATOR) && signedIn() && studies.coordinatesParticipant(me(), readerId);
    }

    @Transactional(readOnly = true)
    public void requireMayManage(long studyId) {
        if (!mayManage(studyId)) {
            throw new AccessDeniedException("not a coordinator of study " + studyId);
        }
    }

    @Transactional(readOnly = true)
    public void requireMayReadResults(long studyId) {
        if (!mayReadResults(studyId)) {
            throw new AccessDeniedException("may not read the results of study " + studyId);
        }
    }

    @Transactional(readOnly = true)
    public void requireTakesPart(long studyId) {
        if (!takesPart(studyId)) {
            throw new AccessDeniedException("not a reader of study " + studyId);
        }
    }

    @Transactional(readOnly = true)
    public void requireMayReadCaseResults(long caseId) {
        if (!mayReadCaseResults(caseId)) {
            throw new AccessDeniedException("may not read the results of case " + caseId);
        }
    }

    private static boolean signedIn() {
        return CurrentUser.username().isPresent();
    }

    private long me() {
        return accounts.currentAccount().id().value();
    }
}
