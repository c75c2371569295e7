package org.dermread.studies;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.accounts.RunAs;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.ImportProperties;
import org.dermread.cases.ImportResult;
import org.dermread.cases.StudySetImportCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode's study: imports the synthetic demo set (the repository's folder, or the copy inside the jar), designs an
 * 8-class case set from it (10 per class, seed 1) and opens a study with {@code demo-reader} invited, all as
 * {@code demo-coordinator}. Idempotent: does nothing when the demo study exists.
 */
@Component
public class DemoStudy {

    public static final String STUDY_NAME = "Demo study: 8 classes (synthetic images)";
    public static final String CASE_SET_NAME = "Demo case set: 8 classes x 10";
    static final int PER_CLASS = 10;
    static final long SEED = 1;
    private static final Logger log = LoggerFactory.getLogger(DemoStudy.class);

    private final StudySetImportCommand importer;
    private final CaseLibraryService library;
    private final CaseSetService caseSets;
    private final StudyService studies;
    private final AccountService accounts;
    private final ImportProperties properties;

    public DemoStudy(StudySetImportCommand importer, CaseLibraryService library, CaseSetService caseSets,
            StudyService studies, AccountService accounts, ImportProperties properties) {
        this.importer = importer;
        this.library = library;
        this.caseSets = caseSets;
        this.studies = studies;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Creates the demo study if it is missing; returns its id, or empty when the demo set or accounts are absent. */
    @Transactional
    public Optional<Long> ensure() {
        Optional<Account> coordinator = as(Role.ADMIN, "demo-setup", () -> find("demo-coordinator"));
        Optional<Account> reader = as(Role.ADMIN, "demo-setup", () -> find("demo-reader"));
        if (coordinator.isEmpty() || reader.isEmpty()) {
            log.warn("Demo mode: demo-coordinator or demo-reader missing; no demo study created");
            return Optional.empty();
        }
        long start = System.nanoTime();
        Optional<ImportResult> demoSet = importer.importDemoSet();
        if (demoSet.isEmpty()) {
            log.warn("Demo mode: no demo study set at {} nor inside the application; no demo study created",
                    properties.demoSet().toAbsolutePath().normalize());
            return Optional.empty();
        }
        ImportResult imported = demoSet.get();
        long importedAt = System.nanoTime();
        return as(coordinator.get(), () -> {
            Optional<Long> existing = studies.listStudies().stream()
                    .filter(study -> study.name().equals(STUDY_NAME)).map(StudySummary::id).findFirst();
            if (existing.isPresent()) {
                return existing;
            }
            Set<Long> source = Set.of(imported.sourceId());
            Map<String, Integer> counts = library.countsPerClass(new CaseFilter(Set.of(), source));
            List<String> labels = counts.entrySet().stream().filter(entry -> entry.getValue() >= PER_CLASS)
                    .map(Map.Entry::getKey).limit(8).toList();
            CaseSelection drawn = caseSets.sample(new SamplingPlan(labels, PER_CLASS, SEED, source));
            long caseSet = caseSets.create(new CaseSetDesign(CASE_SET_NAME,
                    "Drawn by demo mode from the synthetic demo set.", labels, drawn.caseIds(), SEED, PER_CLASS));
            long designedAt = System.nanoTime();
            long study = studies.create(new StudyForm(STUDY_NAME,
                    "A demonstration study on synthetic images; the answers mean nothing clinically.", caseSet,
                    labels, new StudyOptions(true, true, ConfidenceScale.ONE_TO_FIVE, true, false, true, null)));
            studies.assignReaders(study, List.of(reader.get().id()));
            studies.open(study);
            long openedAt = System.nanoTime();
            log.info("Demo mode: opened '{}' ({} cases, classes {}) with demo-reader invited; demo set imported in "
                    + "{} ms, case set drawn in {} ms, study created and opened in {} ms", STUDY_NAME,
                    drawn.caseIds().size(), labels, (importedAt - start) / 1_000_000,
                    (designedAt - importedAt) / 1_000_000, (openedAt - designedAt) / 1_000_000);
            return Optional.of(study);
        });
    }

    private Optional<Account> find(String username) {
        return accounts.list().stream().filter(account -> account.username().equals(username)).findFirst();
    }

    private static <T> T as(Role role, String name, Supplier<T> work) {
        return run(name, List.of(role), work);
    }

    private static <T> T as(Account account, Supplier<T> work) {
        return run(account.username(), List.copyOf(account.roles()), work);
    }

    private static <T> T run(String name, List<Role> roles, Supplier<T> work) {
        return RunAs.run(name, roles, work);
    }
}
