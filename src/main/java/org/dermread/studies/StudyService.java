package org.dermread.studies;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountException;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CreatedAccount;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditLog;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.studies.internal.CaseSetRepository;
import org.dermread.studies.internal.ReaderProfileRepository;
import org.dermread.studies.internal.StudyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Studies: definition, readers, life cycle (draft, open, closed). A coordinator manages the studies they
 * coordinate ({@code study_coordinator}; the creator is added on creation); administrators manage every study;
 * statisticians may read every study; readers may read the studies they take part in. Opening a study locks its
 * case set and its settings: every answer then refers to exactly what the reader saw.
 */
@Service
public class StudyService {

    private static final Logger log = LoggerFactory.getLogger(StudyService.class);
    private static final SecureRandom SEEDS = new SecureRandom();

    private final StudyRepository studies;
    private final CaseSetRepository caseSets;
    private final ReaderProfileRepository profiles;
    private final AccountService accounts;
    private final Taxonomy taxonomy;
    private final AuditLog audit;
    private final StudyAccess access;

    public StudyService(StudyRepository studies, CaseSetRepository caseSets, ReaderProfileRepository profiles,
            AccountService accounts, Taxonomy taxonomy, AuditLog audit, StudyAccess access) {
        this.studies = studies;
        this.caseSets = caseSets;
        this.profiles = profiles;
        this.accounts = accounts;
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.access = access;
    }

    /**
     * A study's definition, for every feature. Coordinators only get the studies they manage; readers only those
     * they take part in.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Study findStudy(long studyId) {
        Study study = studies.find(studyId).orElseThrow(() -> new StudyException("studies.error.not-found"));
        if (!access.mayRead(studyId)) {
            throw new NotYourStudyException();
        }
        return study;
    }

    /** The study's cases (its case set's members), ordered by case id. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Long> caseIds(long studyId) {
        return caseSets.caseIds(findStudy(studyId).caseSetId());
    }

    /** The studies the caller may manage (administrators and statisticians: all). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<StudySummary> listStudies() {
        return studies.summaries(access.seesEveryStudy() ? null : me());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long create(StudyForm form) {
        validate(form);
        long id = studies.insert(form, me(), SEEDS.nextLong(), SEEDS.nextLong());
        log.info("Study {} '{}' created by {}", id, form.name(), CurrentUser.username().orElse("?"));
        audit.record("study.created", "study " + id, form.name());
        return id;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void update(long studyId, StudyForm form) {
        Study study = manageable(studyId);
        requireDraft(study);
        validate(form);
        studies.update(studyId, form);
        audit.record("study.updated", "study " + studyId, form.name());
    }

    /** Opens a draft to its readers; locks its case set and, with its status, its settings. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void open(long studyId) {
        Study study = manageable(studyId);
        requireDraft(study);
        caseSets.findForUpdate(study.caseSetId()).orElseThrow();
        validate(study.form());
        caseSets.lock(study.caseSetId());
        studies.setStatus(studyId, StudyStatus.OPEN);
        log.info("Study {} opened by {}; case set {} locked", studyId, CurrentUser.username().orElse("?"),
                study.caseSetId());
        audit.record("study.opened", "study " + studyId, "case set " + study.caseSetId() + " locked");
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void close(long studyId) {
        Study study = manageable(studyId);
        if (study.status() != StudyStatus.OPEN) {
            throw new StudyException("studies.error.not-open");
        }
        studies.setStatus(studyId, StudyStatus.CLOSED);
        log.info("Study {} closed by {}", studyId, CurrentUser.username().orElse("?"));
        audit.record("study.closed", "study " + studyId, null);
    }

    /** A new draft with the same case set, labels and options (no readers), coordinated by the caller. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long cloneStudy(long studyId, String newName) {
        Study study = manageable(studyId);
        return create(new StudyForm(newName, study.description(), study.caseSetId(), study.labels(),
                study.options(), study.arms()));
    }

    /**
     * The accounts that may be invited to the study: enabled reader accounts not invited yet, by name. The one
     * answer to "whom may I invite", for the page and for {@link #assignReaders}.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<Account> invitableReaders(long studyId) {
        studies.find(studyId).orElseThrow(() -> new StudyException("studies.error.not-found"));
        if (!access.mayManage(studyId)) {
            throw new NotYourStudyException();
        }
        Set<AccountId> invited = studies.participants(studyId).stream().map(Participant::readerId)
                .collect(Collectors.toSet());
        return accounts.list().stream().filter(StudyService::mayBeInvited)
                .filter(account -> !invited.contains(account.id()))
                .sorted(Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Invites existing reader accounts, each with a random order seed; returns how many were new to the study. Only
     * enabled reader accounts may be invited; one that is not refuses the whole request.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public int assignReaders(long studyId, List<AccountId> readers) {
        Study study = manageable(studyId);
        requireNotClosed(study);
        Map<AccountId, Account> known = accounts.list().stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        List<String> refused = readers.stream().filter(id -> !known.containsKey(id) || !mayBeInvited(known.get(id)))
                .map(id -> known.containsKey(id) ? known.get(id).username() : String.valueOf(id.value())).toList();
        if (!refused.isEmpty()) {
            throw new StudyException("studies.readers.error.not-reader", String.join(", ", refused));
        }
        int added = 0;
        for (AccountId reader : readers) {
            if (studies.addParticipation(studyId, reader.value(), SEEDS.nextLong())) {
                added++;
            }
        }
        log.info("{} reader(s) invited to study {} by {}", added, studyId, CurrentUser.username().orElse("?"));
        audit.record("study.readers-invited", "study " + studyId, added + " readers");
        return added;
    }

    private static boolean mayBeInvited(Account account) {
        return account.hasRole(Role.READER) && account.enabled();
    }

    /**
     * Creates reader accounts with their experience profiles and invites them, all or none. Returns the one-time
     * passwords, which are shown once and never stored.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<CreatedReader> createReaders(long studyId, List<NewReader> readers) {
        Study study = manageable(studyId);
        requireNotClosed(study);
        if (readers.isEmpty()) {
            throw new StudyException("studies.readers.error.empty");
        }
        Set<String> logins = new HashSet<>();
        Set<String> taken = new HashSet<>();
        for (Account account : accounts.list()) {
            taken.add(account.username().toLowerCase(Locale.ROOT));
        }
        List<String> problems = new ArrayList<>();
        List<NewAccount> newAccounts = new ArrayList<>();
        for (NewReader reader : readers) {
            String login = reader.login().toLowerCase(Locale.ROOT);
            if (!logins.add(login)) {
                problems.add(reader.login());
            } else if (taken.contains(login)) {
                problems.add(reader.login());
            }
            try {
                newAccounts.add(new NewAccount(reader.login(), reader.displayName(), reader.email(),
                        Set.of(Role.READER)));
            } catch (AccountException e) {
                throw new StudyException("studies.readers.error.login", reader.login());
            }
        }
        if (!problems.isEmpty()) {
            throw new StudyException("studies.readers.error.taken", String.join(", ", problems));
        }
        List<CreatedReader> created = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) {
            CreatedAccount account = accounts.create(newAccounts.get(i));
            long id = account.account().id().value();
            profiles.save(id, readers.get(i).profile());
            studies.addParticipation(studyId, id, SEEDS.nextLong());
            created.add(new CreatedReader(account.account().id(), account.account().username(),
                    account.account().displayName(), account.oneTimePassword()));
        }
        log.info("{} reader account(s) created for study {} by {}", created.size(), studyId,
                CurrentUser.username().orElse("?"));
        return created;
    }

    /** Withdraws an invitation the reader has not started on. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void removeReader(long studyId, long participationId) {
        Study study = manageable(studyId);
        requireNotClosed(study);
        if (studies.removeUnstartedParticipation(studyId, participationId) == 0) {
            throw new StudyException("studies.readers.error.started");
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<Participant> participants(long studyId) {
        findStudy(studyId);
        return studies.participants(studyId);
    }

    private Study manageable(long studyId) {
        Study study = studies.findForUpdate(studyId).orElseThrow(() -> new StudyException("studies.error.not-found"));
        if (!access.mayManage(studyId)) {
            throw new NotYourStudyException();
        }
        return study;
    }

    private static void requireDraft(Study study) {
        if (study.status() != StudyStatus.DRAFT) {
            throw new StudyException("studies.error.locked", study.name());
        }
    }

    private static void requireNotClosed(Study study) {
        if (study.status() == StudyStatus.CLOSED) {
            throw new StudyException("studies.error.closed", study.name());
        }
    }

    private void validate(StudyForm form) {
        if (form.name().isEmpty()) {
            throw new StudyException("studies.error.name");
        }
        if (form.name().length() > 200) {
            throw new StudyException("studies.error.name-too-long", 200);
        }
        CaseSet caseSet = caseSets.find(form.caseSetId())
                .orElseThrow(() -> new StudyException("studies.caseset.error.not-found"));
        if (form.labels().size() < CaseSetService.MIN_LABELS) {
            throw new StudyException("studies.caseset.error.labels", CaseSetService.MIN_LABELS);
        }
        if (form.labels().stream().distinct().count() != form.labels().size()) {
            throw new StudyException("studies.caseset.error.labels-duplicate");
        }
        taxonomy.inTaxonomyOrder(caseSet.taxonomy(), form.labels());
        StudyOptions options = form.options();
        if (!options.aiAssisted() && (options.washoutDays() > 0 || options.randomisePhaseOrder())) {
            throw new StudyException("studies.error.second-phase-options");
        }
        if (options.feedbackCases() && !options.feedback()) {
            throw new StudyException("studies.error.feedback-cases");
        }
        validateArms(form, caseSet);
        Map<String, Integer> truth = caseSets.distribution(form.caseSetId());
        if (truth.isEmpty()) {
            throw new StudyException("studies.caseset.error.no-cases");
        }
        List<String> missing = truth.keySet().stream().filter(code -> !form.labels().contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new StudyException("studies.error.labels-miss-truth", String.join(", ", missing));
        }
    }

    /**
     * Arms need the AI-assisted phase; each has its own one-letter code and name, and a malignancy score needs a
     * label set with malignant and other labels, every one grouped by the taxonomy.
     */
    private void validateArms(StudyForm form, CaseSet caseSet) {
        if (form.arms().isEmpty()) {
            return;
        }
        if (!form.options().aiAssisted()) {
            throw new StudyException("studies.arms.error.no-ai");
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (StudyArm arm : form.arms()) {
            if (arm.code().isEmpty()) {
                throw new StudyException("studies.arms.error.code", arm.name());
            }
            if (!codes.add(arm.code())) {
                throw new StudyException("studies.arms.error.code-twice", arm.code());
            }
            if (!names.add(arm.name().toLowerCase(Locale.ROOT))) {
                throw new StudyException("studies.arms.error.name-twice", arm.name());
            }
            if (arm.malignancy()) {
                Map<String, Diagnosis> known = taxonomy.byCode(caseSet.taxonomy());
                if (MalignantLabels.of(form.labels().stream().map(known::get).toList()).isEmpty()) {
                    throw new StudyException("studies.arms.error.malignancy", arm.code());
                }
            }
        }
    }

    private long me() {
        return accounts.currentAccount().id().value();
    }
}
