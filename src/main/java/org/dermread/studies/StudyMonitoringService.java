package org.dermread.studies;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dermread.audit.AuditLog;
import org.dermread.bundle.CsvTable;
import org.dermread.studies.internal.CaseSetRepository;
import org.dermread.studies.internal.MonitoringRepository;
import org.dermread.studies.internal.MonitoringRepository.ParticipationRow;
import org.dermread.studies.internal.StudyRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who of a study's readers has finished, who is reading and who has not begun, for the people who run the study
 * (its coordinators and administrators, {@link StudyAccess#mayManage}). The page and its CSV carry names and logins,
 * so they are never part of the statistician's bundle.
 */
@Service
public class StudyMonitoringService {

    /** The CSV's columns; the status is written as its code so that spreadsheets can filter on it. */
    public static final List<String> CSV_HEADER = List.of("login", "name", "status", "answered_unaided",
            "answered_aided", "cases", "last_activity", "median_seconds_per_case");

    private final StudyRepository studies;
    private final CaseSetRepository caseSets;
    private final MonitoringRepository monitoring;
    private final StudyAccess access;
    private final AuditLog audit;

    public StudyMonitoringService(StudyRepository studies, CaseSetRepository caseSets,
            MonitoringRepository monitoring, StudyAccess access, AuditLog audit) {
        this.studies = studies;
        this.caseSets = caseSets;
        this.monitoring = monitoring;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public StudyMonitor monitor(long studyId) {
        Study study = studies.find(studyId).orElseThrow(() -> new StudyException("studies.error.not-found"));
        access.requireMayManage(studyId);
        int cases = caseSets.caseIds(study.caseSetId()).size();
        boolean aided = study.options().aiAssisted();
        Instant now = Instant.now();
        List<ReaderProgress> readers = new ArrayList<>();
        for (ParticipationRow row : monitoring.participations(studyId)) {
            ReaderStatus status = ReaderStatus.of(row.hasProfile(), row.startedAt(), row.answeredUnaided(),
                    row.unaidedFinishedAt(), row.answeredAided(), row.aidedFinishedAt(), aided, row.phaseOrder(),
                    row.secondPhaseOpensAt(), now);
            readers.add(new ReaderProgress(row.participationId(), row.readerId(), row.username(), row.displayName(),
                    status, row.answeredUnaided(), row.answeredAided(), cases, row.lastActivity(),
                    row.medianSeconds(), row.arm() == null ? null : row.arm() + " · " + study.arms().stream()
                            .filter(arm -> arm.code().equals(row.arm())).map(StudyArm::name).findFirst().orElse("")));
        }
        return new StudyMonitor(studyId, study.name(), aided, cases, readers, !study.arms().isEmpty());
    }

    /** The monitoring table as CSV (UTF-8), for the coordinator only; the export is audited. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public byte[] csv(long studyId) {
        StudyMonitor monitor = monitor(studyId);
        List<List<?>> rows = new ArrayList<>();
        for (ReaderProgress reader : monitor.readers()) {
            rows.add(Arrays.asList(reader.username(), reader.displayName(),
                    reader.status().name().toLowerCase(Locale.ROOT), reader.answeredUnaided(),
                    reader.answeredAided(), reader.cases(),
                    reader.lastActivity() == null ? null : reader.lastActivity().toString(),
                    reader.medianSecondsPerCase() == null ? null
                            : String.format(Locale.ROOT, "%.1f", reader.medianSecondsPerCase())));
        }
        audit.record("study.monitor-exported", "study " + studyId, monitor.readers().size() + " readers");
        return CsvTable.write(CSV_HEADER, rows).getBytes(StandardCharsets.UTF_8);
    }
}
