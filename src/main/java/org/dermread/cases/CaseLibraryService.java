package org.dermread.cases;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dermread.accounts.AccountService;
import org.dermread.audit.AuditLog;
import org.dermread.accounts.CurrentUser;
import org.dermread.cases.internal.CaseRepository;
import org.dermread.cases.internal.SampleStudySet;
import org.dermread.cases.internal.StudySetFiles;
import org.dermread.cases.internal.StudySetReader;
import org.dermread.cases.internal.StudySetValidator;
import org.dermread.cases.internal.ValidatedSet;
import org.dermread.common.FolderRoots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case library: imports study sets (all or nothing, idempotent by content), lists cases with their ground
 * truth and serves their images unchanged. Coordinators and administrators import; coordinators, administrators and
 * statisticians may look. Readers have no access: the library holds the ground truth.
 */
@Service
public class CaseLibraryService {

    private static final Logger log = LoggerFactory.getLogger(CaseLibraryService.class);
    static final String VIEW_ROLES = "hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')";
    static final String IMPORT_ROLES = "hasAnyRole('ADMIN', 'COORDINATOR')";

    private final CaseRepository cases;
    private final Taxonomy taxonomy;
    private final ImportProperties properties;
    private final AccountService accounts;
    private final AuditLog audit;

    public CaseLibraryService(CaseRepository cases, Taxonomy taxonomy, ImportProperties properties,
            AccountService accounts, AuditLog audit) {
        this.cases = cases;
        this.taxonomy = taxonomy;
        this.properties = properties;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Imports a folder on the server, which must lie under one of {@code dermread.import.folder-roots} once symbolic
     * links are resolved (so the web page cannot be used to read other server folders, not even through a link).
     */
    @Transactional
    @PreAuthorize(IMPORT_ROLES)
    public ImportResult importFolder(Path folder) {
        Path target = FolderRoots.resolveWithin(folder, properties.folderRoots()).orElseThrow(() ->
                new CaseLibraryException("cases.import.error.folder-not-allowed", folder,
                        properties.folderRoots().stream().map(Path::toString).collect(Collectors.joining(", "))));
        oneImportAtATime();
        try (StudySetFiles files = new StudySetReader(properties).readFolder(target)) {
            return store(files, folder.toString(), me());
        }
    }

    /**
     * Imports a study set from a ZIP stream (an upload). Its entries are unpacked to a private folder on disk that is
     * deleted afterwards; one person runs one import at a time.
     */
    @Transactional
    @PreAuthorize(IMPORT_ROLES)
    public ImportResult importZip(InputStream zip, String fileName) {
        oneImportAtATime();
        try (StudySetFiles files = new StudySetReader(properties).readZip(zip)) {
            return store(files, fileName, me());
        }
    }

    /**
     * The sample study set (ten synthetic images of the demo set in the import format) as a ZIP, for people who prepare
     * their own set; for those who may import. Reads no database.
     */
    @PreAuthorize(IMPORT_ROLES)
    public byte[] sampleStudySet() {
        return SampleStudySet.zip();
    }

    /**
     * Imports a folder from the command line: trusted, so any folder; the caller signs the import in as an
     * administrator.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ImportResult importFolderFromCommandLine(Path folder) {
        try (StudySetFiles files = new StudySetReader(properties).readFolder(folder.toAbsolutePath().normalize())) {
            return store(files, folder.toString(), null);
        }
    }

    /** A second import by the same person, on any instance, is refused while the first runs. */
    private void oneImportAtATime() {
        String me = CurrentUser.username().orElse("?");
        if (!cases.tryLockImportsOf(me)) {
            throw new CaseLibraryException("cases.import.error.busy");
        }
    }

    private ImportResult store(StudySetFiles files, String origin, Long importedBy) {
        StudySetValidator validator = new StudySetValidator(properties, taxonomy::codesOf);
        ValidatedSet set;
        try {
            set = validator.validate(files, originName(origin));
        } catch (ImportFailedException e) {
            log.info("Import of {} ({} layout) refused with {} problem(s), first: {}", origin,
                    e.layout().map(StudySetLayout::title).orElse("no"), e.totalProblems(),
                    e.problems().isEmpty() ? "-" : e.problems().get(0));
            throw e;
        }
        var existing = cases.sourceWithContent(set.contentSha256());
        if (existing.isPresent()) {
            log.info("Import of {}: the same set is already in the library (source {}); nothing changed", origin,
                    existing.get());
            return new ImportResult(existing.get(), set.name(), true, set.cases().size(), set.layout(), set.skipped(),
                    set.taxonomy());
        }
        long sourceId = cases.insert(set, importedBy);
        audit.record("library.imported", "source " + sourceId, set.name() + ": " + set.cases().size() + " cases from "
                + origin);
        log.info("Imported {} ({} cases, {} layout, taxonomy {}, {} rows skipped) from {} as source {} by {}",
                set.name(), set.cases().size(), set.layout().title(), set.taxonomy(), set.skipped(), origin, sourceId,
                CurrentUser.username().orElse("?"));
        return new ImportResult(sourceId, set.name(), false, set.cases().size(), set.layout(), set.skipped(),
                set.taxonomy());
    }

    /** The last part of a folder path, or a ZIP's name without ".zip": the name of a public set without set.json. */
    static String originName(String origin) {
        String name = origin == null ? "" : origin.replace('\\', '/');
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    private Long me() {
        return accounts.currentAccount().id().value();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public List<CaseSource> sources() {
        return cases.sources();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public List<LibraryCase> cases(CaseFilter filter) {
        return cases.cases(filter);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public List<LibraryCase> cases(List<Long> ids) {
        return cases.cases(ids);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public LibraryCase find(long caseId) {
        return cases.find(caseId).orElseThrow(() -> new CaseLibraryException("cases.error.case-not-found", caseId));
    }

    /** Cases per diagnosis code in taxonomy order (classes without cases are left out). */
    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public Map<String, Integer> countsPerClass(CaseFilter filter) {
        return cases.countsPerClass(filter);
    }

    /**
     * Lesions per diagnosis code in taxonomy order: what lesion-level sampling draws from (several images of one
     * lesion count once; a case without a lesion id is a lesion of its own).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public Map<String, Integer> lesionsPerClass(CaseFilter filter) {
        return cases.lesionsPerClass(filter);
    }

    /** The stored bytes of an image, unchanged, with their media type. */
    @Transactional(readOnly = true)
    @PreAuthorize(VIEW_ROLES)
    public CaseImage image(String sha256) {
        return cases.image(sha256).orElseThrow(() -> new CaseLibraryException("cases.error.image-not-found"));
    }
}
