package org.dermread.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditLog;
import org.dermread.export.internal.ExportRepository;
import org.dermread.export.internal.ExportRepository.AnswerRow;
import org.dermread.export.internal.ExportRepository.CaseRow;
import org.dermread.export.internal.ExportRepository.ReaderRow;
import org.dermread.export.internal.ExportRepository.StudyRow;
import org.dermread.inference.InferenceService;
import org.dermread.inference.StudyCasePrediction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A study's data as the files of its export bundle, and the bundle itself (a ZIP). Readers are anonymised
 * ({@code R001}, ... in participation order); names and logins never appear. Only statisticians, administrators
 * and the study's own coordinators may export.
 */
@Service
public class ExportService {

    /** The 14 classes in the model contract's order, for the raw probability columns. */
    static final List<String> TAXONOMY = List.of("LP", "Rosa", "VW", "AV", "KAHS", "EAD", "DF", "SD", "SK", "MN",
            "Hem", "Pso", "PWS", "BCC");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final ExportRepository repository;
    private final InferenceService inference;
    private final AnalysisRunner analysis;
    private final AuditLog audit;
    private final String version;

    public ExportService(ExportRepository repository, InferenceService inference, AnalysisRunner analysis,
            AuditLog audit, @Value("${dermread.version:unknown}") String version) {
        this.repository = repository;
        this.inference = inference;
        this.analysis = analysis;
        this.audit = audit;
        this.version = version;
    }

    /** The bundle's data files for a study. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public BundleTables tables(long studyId) {
        StudyRow study = requireMayExport(studyId);
        List<String> labels = repository.labels(studyId);
        List<CaseRow> cases = repository.cases(study.caseSetId());
        Map<Long, String> caseIds = caseIds(cases);
        List<ReaderRow> readers = repository.readers(studyId);
        Map<Long, String> readerIds = new HashMap<>();
        for (int i = 0; i < readers.size(); i++) {
            readerIds.put(readers.get(i).participationId(), String.format(Locale.ROOT, "R%03d", i + 1));
        }
        List<AnswerRow> answers = repository.answers(studyId);
        Map<Long, StudyCasePrediction> predictions = study.modelSha256() == null ? Map.of()
                : inference.predictionsForStudy(studyId, study.modelSha256());

        Map<String, String> files = new LinkedHashMap<>();
        CsvWriter labelsCsv = new CsvWriter(List.of("position", "code"));
        for (int i = 0; i < labels.size(); i++) {
            labelsCsv.row(List.of(i + 1, labels.get(i)));
        }
        files.put("labels.csv", labelsCsv.toString());

        CsvWriter casesCsv = new CsvWriter(List.of("case_id", "truth", "age", "sex", "body_site", "confirmation",
                "image_sha256"));
        for (CaseRow c : cases) {
            casesCsv.row(java.util.Arrays.asList(caseIds.get(c.id()), c.truth(), c.age(), c.sex(), c.bodySite(),
                    c.confirmation(), c.imageSha256()));
        }
        files.put("cases.csv", casesCsv.toString());

        CsvWriter readingsCsv = new CsvWriter(List.of("reader_id", "case_id", "phase", "label", "confidence",
                "shown_at", "answered_at", "revision"));
        answers.stream()
                .sorted(java.util.Comparator.comparing((AnswerRow a) -> readerIds.get(a.participationId()))
                        .thenComparing(a -> phaseRank(a.phase())).thenComparing(a -> caseIds.get(a.caseId())))
                .forEach(a -> readingsCsv.row(java.util.Arrays.asList(readerIds.get(a.participationId()),
                        caseIds.get(a.caseId()), a.phase().toLowerCase(Locale.ROOT), a.diagnosis(), a.confidence(),
                        time(a.shownAt()), time(a.answeredAt()), a.revision())));
        files.put("readings.csv", readingsCsv.toString());

        CsvWriter readersCsv = new CsvWriter(List.of("reader_id", "years_dermatology", "years_dermoscopy",
                "board_certified", "title", "hospital_level", "started_at", "unaided_finished_at",
                "aided_finished_at"));
        for (ReaderRow r : readers) {
            readersCsv.row(java.util.Arrays.asList(readerIds.get(r.participationId()), r.yearsDermatology(),
                    r.yearsDermoscopy(), r.boardCertified() == null ? null : (r.boardCertified() ? "yes" : "no"),
                    r.title(), r.hospitalLevel(), time(r.startedAt()), time(r.unaidedFinishedAt()),
                    time(r.aidedFinishedAt())));
        }
        files.put("readers.csv", readersCsv.toString());

        List<String> aiHeader = new ArrayList<>(List.of("case_id"));
        labels.forEach(code -> aiHeader.add("p_" + code));
        TAXONOMY.forEach(code -> aiHeader.add("raw_p_" + code));
        CsvWriter aiCsv = new CsvWriter(aiHeader);
        for (CaseRow c : cases) {
            StudyCasePrediction p = predictions.get(c.id());
            if (p == null) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(caseIds.get(c.id()));
            labels.forEach(code -> row.add(number(p.probabilityOf(code))));
            TAXONOMY.forEach(code -> row.add(p.raw().containsKey(code) ? number(p.raw().get(code)) : null));
            aiCsv.row(row);
        }
        files.put("ai_predictions.csv", aiCsv.toString());
        files.put("analysis.json", AnalysisRunner.SETTINGS_JSON);
        imrmc(labels, cases, caseIds, answers, readerIds).forEach((code, text) ->
                files.put("imrmc/" + code + ".imrmc", text));
        return new BundleTables(studyId, study.name(), study.modelSha256(), files);
    }

    /**
     * The whole bundle: the data files, {@code metrics.json} from the statistics engine over exactly those files,
     * the data dictionary and {@code manifest.json} with every file's SHA-256. Entries are sorted and carry a fixed
     * date, so exporting an unchanged study twice gives identical files apart from the manifest's timestamp.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public byte[] bundle(long studyId, Map<String, byte[]> extraFiles) {
        BundleTables tables = tables(studyId);
        Map<String, byte[]> entries = new TreeMap<>();
        tables.files().forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
        entries.put("metrics.json", analysis.metricsJson(tables).getBytes(StandardCharsets.UTF_8));
        entries.put("data-dictionary.md", DataDictionary.TEXT.getBytes(StandardCharsets.UTF_8));
        entries.putAll(extraFiles);
        entries.put("manifest.json", manifest(tables, entries).getBytes(StandardCharsets.UTF_8));
        audit.record("export.bundle", "study " + studyId, entries.size() + " files");
        return zip(entries);
    }

    private String manifest(BundleTables tables, Map<String, byte[]> entries) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"format\": \"dermread-export-bundle\",\n");
        json.append("  \"format_version\": 1,\n");
        json.append("  \"software\": \"DermRead ").append(version).append("\",\n");
        json.append("  \"created_at\": \"").append(TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .append("\",\n");
        json.append("  \"study\": {\"id\": ").append(tables.studyId()).append(", \"name\": ")
                .append(jsonString(tables.studyName())).append("},\n");
        json.append("  \"model_sha256\": ").append(tables.modelSha256() == null ? "null"
                : jsonString(tables.modelSha256())).append(",\n");
        json.append("  \"analysis_settings\": ").append(AnalysisRunner.SETTINGS_JSON.strip()).append(",\n");
        json.append("  \"files\": {\n");
        List<String> names = new ArrayList<>(entries.keySet());
        for (int i = 0; i < names.size(); i++) {
            json.append("    ").append(jsonString(names.get(i))).append(": {\"sha256\": \"")
                    .append(sha256(entries.get(names.get(i)))).append("\", \"bytes\": ")
                    .append(entries.get(names.get(i)).length).append('}')
                    .append(i + 1 < names.size() ? ",\n" : "\n");
        }
        json.append("  }\n}\n");
        return json.toString();
    }

    /**
     * One iMRMC input per class (FDA iMRMC format): truth rows with reader -1, then each reader's ordinal rating
     * per case and phase: 5 + confidence when the reader chose the class, 6 - confidence otherwise (confidence 5
     * when the study asked none), the same rating the statistics engine uses for reader AUCs.
     */
    private static Map<String, String> imrmc(List<String> labels, List<CaseRow> cases, Map<Long, String> caseIds,
            List<AnswerRow> answers, Map<Long, String> readerIds) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String code : labels) {
            StringBuilder text = new StringBuilder();
            text.append("DermRead export: class ").append(code).append(" one-vs-rest; modalities are phases\n");
            text.append("NR: ").append(readerIds.size()).append('\n');
            text.append("N0: ").append(cases.stream().filter(c -> !c.truth().equals(code)).count()).append('\n');
            text.append("N1: ").append(cases.stream().filter(c -> c.truth().equals(code)).count()).append('\n');
            text.append("NM: ").append(answers.stream().map(AnswerRow::phase).distinct().count()).append('\n');
            text.append("BEGIN DATA:\n");
            for (CaseRow c : cases) {
                text.append("-1,").append(caseIds.get(c.id())).append(",0,").append(c.truth().equals(code) ? 1 : 0)
                        .append('\n');
            }
            answers.stream()
                    .sorted(java.util.Comparator.comparing((AnswerRow a) -> readerIds.get(a.participationId()))
                            .thenComparing(a -> phaseRank(a.phase())).thenComparing(a -> caseIds.get(a.caseId())))
                    .forEach(a -> {
                        int confidence = a.confidence() == null ? 5 : a.confidence();
                        int rating = a.diagnosis().equals(code) ? 5 + confidence : 6 - confidence;
                        text.append(readerIds.get(a.participationId())).append(',').append(caseIds.get(a.caseId()))
                                .append(',').append(a.phase().toLowerCase(Locale.ROOT)).append(',').append(rating)
                                .append('\n');
                    });
            files.put(code, text.toString());
        }
        return files;
    }

    private StudyRow requireMayExport(long studyId) {
        StudyRow study = repository.study(studyId).orElseThrow(() -> new AccessDeniedException("no such study"));
        boolean allowed = CurrentUser.hasRole(Role.ADMIN) || CurrentUser.hasRole(Role.STATISTICIAN)
                || (CurrentUser.hasRole(Role.COORDINATOR)
                        && repository.isCoordinatorOf(studyId, CurrentUser.username().orElse("")));
        if (!allowed) {
            throw new AccessDeniedException("not a coordinator of this study");
        }
        return study;
    }

    /** The manifest's case id; prefixed with the source when two sources share an id within the study. */
    private static Map<Long, String> caseIds(List<CaseRow> cases) {
        Map<String, Long> count = new HashMap<>();
        cases.forEach(c -> count.merge(c.externalId(), 1L, Long::sum));
        Map<Long, String> ids = new HashMap<>();
        cases.forEach(c -> ids.put(c.id(), count.get(c.externalId()) > 1
                ? "s" + c.sourceId() + "-" + c.externalId() : c.externalId()));
        return ids;
    }

    private static int phaseRank(String phase) {
        return "UNAIDED".equalsIgnoreCase(phase) ? 0 : 1;
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    static String jsonString(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                // a fixed date, independent of the time zone, so unchanged files zip identically
                zipEntry.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
