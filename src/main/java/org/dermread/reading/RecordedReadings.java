package org.dermread.reading;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.Role;
import org.dermread.accounts.RunAs;
import org.dermread.common.AnyCaller;
import org.dermread.reading.internal.ReadingRepository;
import org.dermread.reading.internal.ReadingRepository.ParticipationRow;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderProfileService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readings made elsewhere, brought in a whole phase at a time with the times each case was shown and answered:
 * demo mode's simulated readers (and, one day, readings made on paper).
 *
 * <p>Because the caller chooses the answers and their times, no signed-in person may call this: only the system
 * principal {@link #IMPORTER}, which start-up code takes on with {@link #asImporter}. No account can have that name
 * (user names allow no ':'), so neither a reader nor a coordinator nor an administrator signed in through the login
 * page can make answers up; the check is on the name, not on a role anyone could be given.
 *
 * <p>The same rules as on the reading page apply (open study, the study's cases and labels, confidence as the study
 * asks, the reader's second phase only once the first is finished and the washout is over, the AI-assisted phase
 * only with complete predictions), plus: a phase comes complete (every case once), into a participation without
 * answers in it; the reader's first phase only into a participation not yet started, which then starts at its
 * first case with the reader's profile kept and its phase order fixed; times lie in the past and a second phase
 * after the first and its washout. All or nothing.
 */
@Service
public class RecordedReadings {

    /** The system principal allowed to import; not a possible user name. */
    public static final String IMPORTER = "system:recorded-readings";

    private final ReadingRepository repository;
    private final AnswerRules rules;
    private final ReaderProfileService profiles;
    private final ParticipationStart starts;

    RecordedReadings(ReadingRepository repository, AnswerRules rules, ReaderProfileService profiles,
            ParticipationStart starts) {
        this.repository = repository;
        this.rules = rules;
        this.profiles = profiles;
        this.starts = starts;
    }

    /**
     * Runs start-up work as {@link #IMPORTER}. It holds the administrator role for the reads an import makes through
     * other features (the reader's profile, whether the AI's predictions are complete).
     */
    @AnyCaller("server-side start-up code only: it runs the caller's own work as the importer; no view calls it")
    public static <T> T asImporter(Supplier<T> work) {
        return RunAs.run(IMPORTER, List.of(Role.ADMIN), work);
    }

    /** Imports one complete phase of a participation; returns the number of answers stored. */
    @Transactional
    @PreAuthorize("authentication.name == 'system:recorded-readings'")
    public int importPhase(long participationId, Phase phase, List<RecordedAnswer> answers) {
        repository.lock(participationId);
        ParticipationRow participation = repository.participation(participationId)
                .orElseThrow(() -> new ReadingException("reading.import.error.no-participation", participationId));
        if (!"OPEN".equals(participation.status())) {
            throw new ReadingException("reading.error.study-not-open");
        }
        if (repository.answeredCount(participationId, phase) > 0) {
            throw new ReadingException("reading.import.error.already-answered", participationId, phase.name());
        }
        List<Long> caseIds = repository.caseIds(participation.caseSetId());
        Set<Long> given = new HashSet<>();
        for (RecordedAnswer answer : answers) {
            if (!given.add(answer.caseId())) {
                throw new ReadingException("reading.import.error.case-twice", answer.caseId());
            }
            rules.validate(participation, caseIds, answer.caseId(), answer.diagnosis(), answer.confidence());
        }
        if (given.size() != caseIds.size()) {
            throw new ReadingException("reading.import.error.incomplete", caseIds.size(), given.size());
        }
        List<RecordedAnswer> inOrder = answers.stream().sorted(Comparator.comparing(RecordedAnswer::shownAt))
                .toList();
        Instant first = inOrder.get(0).shownAt();
        Instant last = inOrder.stream().map(RecordedAnswer::answeredAt).max(Comparator.naturalOrder()).orElseThrow();
        if (participation.startedAt() == null) {
            ReaderProfile profile = profiles.profileOf(new AccountId(participation.readerId()))
                    .orElseThrow(() -> new ReadingException("reading.error.profile-missing"));
            participation = starts.start(participation, profile, first);
        } else if (PhaseOrders.first(participation.phaseOrder()) == phase) {
            throw new ReadingException("reading.import.error.started", participationId);
        }
        // A second phase into a participation that only now starts is refused here (its first is not finished).
        rules.requireReadable(participation, phase);
        requireTimes(participation, phase, first, last);
        for (RecordedAnswer answer : inOrder) {
            repository.recordShown(participationId, answer.caseId(), phase, answer.shownAt());
            if (!repository.insertAnswer(participationId, answer.caseId(), phase, answer.diagnosis(),
                    answer.confidence(), answer.shownAt(), answer.answeredAt())) {
                throw new ReadingException("reading.import.error.already-answered", participationId, phase.name());
            }
        }
        boolean firstOfTwo = participation.aidedPhase() && PhaseOrders.first(participation.phaseOrder()) == phase;
        repository.markFinished(participationId, phase, last, firstOfTwo, participation.washoutDays());
        return inOrder.size();
    }

    /** In the past; a second phase after the first one was finished and not before the washout is over. */
    private void requireTimes(ParticipationRow participation, Phase phase, Instant first, Instant last) {
        boolean future = last.isAfter(rules.now());
        boolean tooEarly = false;
        if (participation.aidedPhase() && PhaseOrders.second(participation.phaseOrder()) == phase) {
            Instant firstDone = participation.finishedAt(PhaseOrders.first(participation.phaseOrder()));
            Instant opens = participation.secondPhaseOpensAt();
            tooEarly = firstDone == null || !first.isAfter(firstDone) || (opens != null && first.isBefore(opens));
        }
        if (future || tooEarly) {
            throw new ReadingException("reading.import.error.when", first.toString(), last.toString());
        }
    }
}
