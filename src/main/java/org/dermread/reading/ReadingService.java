package org.dermread.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.accounts.AccountService;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderProfileService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader's quiz. Every method checks that the participation belongs to the signed-in reader; none returns
 * ground truth, AI output or other readers' answers, except the AI's output in an opened AI-assisted phase and the
 * reader's own results once they have finished every phase, when the study gives feedback (feedback between the
 * phases would bias the second reading). Each answer is committed before the method returns, and the database's
 * unique key on (participation, case, phase) keeps exactly one answer per case.
 */
@Service
@PreAuthorize("hasRole('READER')")
public class ReadingService {

    private final ReadingRepository repository;
    private final AccountService accounts;
    private final ReaderProfileService profiles;
    private final AnswerRules rules;
    private final ParticipationStart starts;
    private final ObjectProvider<AiAdviceSource> advice;
    private final AdviceWarmer warmer;
    private final AidedPhaseGate gate;

    ReadingService(ReadingRepository repository, AccountService accounts, ReaderProfileService profiles,
            AnswerRules rules, ParticipationStart starts, ObjectProvider<AiAdviceSource> advice,
            AdviceWarmer warmer, AidedPhaseGate gate) {
        this.gate = gate;
        this.repository = repository;
        this.accounts = accounts;
        this.profiles = profiles;
        this.rules = rules;
        this.starts = starts;
        this.advice = advice;
        this.warmer = warmer;
    }

    @Transactional(readOnly = true)
    public List<MyStudy> myStudies() {
        return repository.studiesOf(me());
    }

    /**
     * Starts the participation if the reader has not (keeping their profile and fixing their phase order) and
     * says which phase to read now: the first until it is finished, then the second.
     */
    @Transactional
    public Phase begin(long participationId) {
        ParticipationRow participation = own(participationId);
        if (!"OPEN".equals(participation.status())) {
            throw new ReadingException("reading.error.study-not-open");
        }
        participation = started(participation);
        Phase first = PhaseOrders.first(participation.phaseOrder());
        return participation.finishedAt(first) == null || !participation.aidedPhase() ? first
                : PhaseOrders.second(participation.phaseOrder());
    }

    /**
     * Opens a phase of a participation: checks ownership, that the study is open, starts the participation at the
     * first opening, and checks that the phase may be read now (phase order, washout, the AI's predictions).
     */
    @Transactional
    public ReadingSession open(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        if (!"OPEN".equals(participation.status())) {
            throw new ReadingException("reading.error.study-not-open");
        }
        participation = started(participation);
        rules.requireReadable(participation, phase);
        return session(participation, phase);
    }

    /** The first case of the reader's order not yet answered in this phase, or empty when all are answered. */
    @Transactional
    public Optional<CaseToRead> next(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        return nextOf(participation, phase, repository.caseIds(participation.caseSetId()));
    }

    /** An earlier case, to look at again or change, when the study lets readers go back. */
    @Transactional
    public CaseToRead caseAt(long participationId, Phase phase, int index) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        if (!participation.allowBack()) {
            throw new ReadingException("reading.error.no-going-back");
        }
        List<Long> order = order(participation, phase);
        Optional<GivenAnswer> earlier = index < 0 || index >= order.size() ? Optional.empty()
                : repository.answer(participationId, order.get(index), phase);
        if (earlier.isEmpty()) {
            throw new ReadingException("reading.error.not-answered-yet");
        }
        return show(participation, phase, order, index, Optional.empty(), earlier);
    }

    /** Stores the answer to a case shown to the reader; a repeated or concurrent submission stores nothing more. */
    @Transactional
    public SaveOutcome answer(long participationId, Phase phase, long caseId, String diagnosis, Integer confidence) {
        ParticipationRow participation = own(participationId);
        return store(participation, phase, repository.caseIds(participation.caseSetId()), caseId, diagnosis,
                confidence);
    }

    /**
     * Stores the answer and returns the next case, in one transaction: the answer is committed before the next
     * case is shown, and the reader waits for one round trip to the database instead of two.
     */
    @Transactional
    public SavedAnswer answerAndNext(long participationId, Phase phase, long caseId, String diagnosis,
            Integer confidence) {
        ParticipationRow participation = own(participationId);
        List<Long> caseIds = repository.caseIds(participation.caseSetId());
        SaveOutcome outcome = store(participation, phase, caseIds, caseId, diagnosis, confidence);
        return new SavedAnswer(outcome, nextOf(participation, phase, caseIds));
    }

    /** Changes an earlier answer (only where the study allows going back); the old one goes to the audit trail. */
    @Transactional
    public SaveOutcome revise(long participationId, Phase phase, long caseId, String diagnosis, Integer confidence) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, phase);
        if (!participation.allowBack()) {
            throw new ReadingException("reading.error.no-going-back");
        }
        rules.validate(participation, repository.caseIds(participation.caseSetId()), caseId, diagnosis, confidence);
        repository.lock(participationId);
        Optional<GivenAnswer> earlier = repository.answer(participationId, caseId, phase);
        if (earlier.isEmpty()) {
            return answer(participationId, phase, caseId, diagnosis, confidence);
        }
        if (earlier.get().diagnosis().equals(diagnosis) && Objects.equals(earlier.get().confidence(), confidence)) {
            return SaveOutcome.ALREADY_SAVED;
        }
        repository.reviseAnswer(participationId, caseId, phase, diagnosis, confidence);
        return SaveOutcome.REVISED;
    }

    /** The image of a case of the reader's own study, bytes unchanged. */
    @Transactional(readOnly = true)
    public ImageToRead image(long participationId, long caseId) {
        ParticipationRow participation = own(participationId);
        if (!repository.caseIds(participation.caseSetId()).contains(caseId)) {
            throw new AccessDeniedException("case not in this study");
        }
        return repository.image(caseId);
    }

    /**
     * The image of a similar case shown with the AI's advice: only to a reader of the study whose arm shows similar
     * cases, while their AI-assisted phase is open, and only a case of the study's reference library (never a
     * case of the study itself, whose image comes through {@link #image}).
     */
    @Transactional(readOnly = true)
    public ImageToRead similarCaseImage(long participationId, long caseId) {
        ParticipationRow participation = own(participationId);
        rules.requireReadable(participation, Phase.AIDED);
        boolean shown = gate.helpFor(participation.studyId(), participation.readerId())
                .filter(help -> help.similarCases()).isPresent();
        if (!shown || !advice.getObject().isReferenceCase(participation.studyId(), caseId)) {
            throw new AccessDeniedException("not a similar case of this reader's arm");
        }
        return repository.image(caseId);
    }

    /**
     * The reader's own results for a phase, if the study gives feedback and the reader has finished every phase:
     * never between the phases, where it would bias the second reading.
     */
    @Transactional(readOnly = true)
    public Optional<Feedback> feedback(long participationId, Phase phase) {
        ParticipationRow participation = own(participationId);
        if (!participation.feedback() || !finishedEveryPhase(participation)
                || participation.finishedAt(phase) == null) {
            return Optional.empty();
        }
        Map<String, int[]> perClass = new LinkedHashMap<>();
        List<AnswerOption> options = repository.options(participation.studyId());
        options.forEach(option -> perClass.put(option.code(), new int[2]));
        int correct = 0;
        List<String[]> answers = repository.answersWithTruth(participationId, phase);
        for (String[] answer : answers) {
            int[] counts = perClass.computeIfAbsent(answer[1], code -> new int[2]);
            counts[0]++;
            if (answer[0].equals(answer[1])) {
                counts[1]++;
                correct++;
            }
        }
        List<Feedback.ClassResult> results = new ArrayList<>();
        for (AnswerOption option : options) {
            int[] counts = perClass.get(option.code());
            results.add(new Feedback.ClassResult(option, counts[0], counts[1]));
        }
        return Optional.of(new Feedback(phase, answers.size(), correct, results));
    }

    /**
     * The cases the reader got wrong, with the truth: only after every phase and only if the study's feedback lists
     * them. Empty otherwise.
     */
    @Transactional(readOnly = true)
    public List<WrongAnswer> wrongAnswers(long participationId) {
        ParticipationRow participation = own(participationId);
        if (!participation.feedback() || !participation.feedbackCases() || !finishedEveryPhase(participation)) {
            return List.of();
        }
        Map<String, AnswerOption> options = repository.options(participation.studyId()).stream()
                .collect(Collectors.toMap(AnswerOption::code, Function.identity()));
        return repository.mistakes(participationId).stream()
                .map(m -> new WrongAnswer(m.phase(), m.caseId(), options.get(m.answer()),
                        options.getOrDefault(m.truth(), new AnswerOption(m.truth(), m.truth(), m.truth()))))
                .toList();
    }

    /** Why the AI-assisted phase cannot be read now, as a translation key, or empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> aidedPhaseBlocker(long participationId) {
        return rules.phaseBlocker(own(participationId), Phase.AIDED).map(ReadingException::messageKey);
    }

    /**
     * Why the reader's second phase cannot be read now (the first is not finished, the washout is not over and
     * the message says until when, the AI's predictions are incomplete), or empty when it can.
     */
    @Transactional(readOnly = true)
    public Optional<ReadingException> secondPhaseBlocker(long participationId) {
        ParticipationRow participation = own(participationId);
        if (!participation.aidedPhase()) {
            return Optional.of(new ReadingException("reading.error.no-aided-phase"));
        }
        return rules.phaseBlocker(participation, PhaseOrders.second(participation.phaseOrder()));
    }

    private ParticipationRow started(ParticipationRow participation) {
        if (participation.startedAt() != null) {
            return participation;
        }
        ReaderProfile profile = profiles.myProfile()
                .orElseThrow(() -> new ReadingException("reading.error.profile-missing"));
        return starts.start(participation, profile, null);
    }

    private SaveOutcome store(ParticipationRow participation, Phase phase, List<Long> caseIds, long caseId,
            String diagnosis, Integer confidence) {
        rules.requireReadable(participation, phase);
        rules.validate(participation, caseIds, caseId, diagnosis, confidence);
        long participationId = participation.id();
        boolean saved = repository.insertAnswer(participationId, caseId, phase, diagnosis, confidence, null, null);
        SaveOutcome outcome = saved ? SaveOutcome.SAVED : SaveOutcome.ALREADY_SAVED;
        if (saved && repository.answeredCount(participationId, phase) >= caseIds.size()) {
            boolean firstOfTwo = participation.aidedPhase() && PhaseOrders.first(participation.phaseOrder()) == phase;
            repository.markFinished(participationId, phase, null, firstOfTwo, participation.washoutDays());
        }
        return outcome;
    }

    private static boolean finishedEveryPhase(ParticipationRow participation) {
        return participation.unaidedFinishedAt() != null
                && (!participation.aidedPhase() || participation.aidedFinishedAt() != null);
    }

    private Optional<CaseToRead> nextOf(ParticipationRow participation, Phase phase, List<Long> caseIds) {
        List<Long> order = ReadingOrder.of(caseIds, participation.orderSeed(), phase, participation.shuffle());
        Set<Long> answered = repository.answeredCaseIds(participation.id(), phase);
        int index = firstUnanswered(order, answered, -1);
        if (index < 0) {
            return Optional.empty();
        }
        int upcoming = firstUnanswered(order, answered, index);
        if (upcoming >= 0 && phase == Phase.AIDED) {
            warmer.warm(participation.studyId(), order.get(upcoming));
        }
        // Not answered in this phase, so there is no earlier answer to show with it.
        return Optional.of(show(participation, phase, order, index,
                upcoming < 0 ? Optional.empty() : Optional.of(order.get(upcoming)), Optional.empty()));
    }

    private static int firstUnanswered(List<Long> order, Set<Long> answered, int after) {
        for (int index = after + 1; index < order.size(); index++) {
            if (!answered.contains(order.get(index))) {
                return index;
            }
        }
        return -1;
    }

    private ReadingSession session(ParticipationRow participation, Phase phase) {
        return new ReadingSession(participation.id(), participation.studyId(), participation.studyName(), phase,
                repository.options(participation.studyId()), participation.allowBack(), participation.confidence(),
                participation.showClinical(), participation.batchSize(),
                repository.caseIds(participation.caseSetId()).size(),
                repository.answeredCount(participation.id(), phase));
    }

    private CaseToRead show(ParticipationRow participation, Phase phase, List<Long> order, int index,
            Optional<Long> upcoming, Optional<GivenAnswer> earlier) {
        long caseId = order.get(index);
        repository.recordShown(participation.id(), caseId, phase, null);
        Integer age = null;
        String sex = null;
        String bodySite = null;
        if (participation.showClinical()) {
            Map<String, Object> fields = repository.clinicalFields(caseId);
            age = (Integer) fields.get("age");
            sex = (String) fields.get("sex");
            bodySite = (String) fields.get("body_site");
        }
        Optional<AiAdvice> aiAdvice = phase == Phase.AIDED
                ? advice.getObject().adviceFor(participation.studyId(), caseId) : Optional.empty();
        return new CaseToRead(caseId, index, order.size(), age, sex, bodySite, earlier, aiAdvice, upcoming);
    }

    private List<Long> order(ParticipationRow participation, Phase phase) {
        return ReadingOrder.of(repository.caseIds(participation.caseSetId()), participation.orderSeed(), phase,
                participation.shuffle());
    }

    /** The participation, if it is the signed-in reader's; the same refusal whether it exists or not. */
    private ParticipationRow own(long participationId) {
        return repository.participation(participationId)
                .filter(participation -> participation.readerId() == me())
                .orElseThrow(() -> new AccessDeniedException("not your participation"));
    }

    private long me() {
        return accounts.currentAccount().id().value();
    }
}
