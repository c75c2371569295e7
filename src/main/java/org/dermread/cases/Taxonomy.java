package org.dermread.cases;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CurrentUser;
import org.dermread.audit.AuditLog;
import org.dermread.cases.internal.TaxonomyRepository;
import org.dermread.common.AnyCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnostic taxonomies: named, versioned, ordered lists of diagnoses with optional groups (for the
 * malignant-vs-benign analysis) and parents, over the one registry of diagnosis codes ({@code diagnosis}) that every
 * other table refers to. Reading is open to every role (reference data, not secret). Administrators and
 * coordinators create taxonomies and add diagnoses; nothing is ever recoded, and a diagnosis in use (by a case, a
 * label set, an answer or a model) is never removed. The seeded, published taxonomies (Zhu et al. 2021, the
 * default; ISIC/HAM10000) stay as published.
 */
@Service
@AnyCaller("reference data, the same for every role, also read before anyone signs in")
public class Taxonomy {

    private static final Logger log = LoggerFactory.getLogger(Taxonomy.class);

    /** The seeded default: the 14 classes of Zhu et al., Front. Med. 2021 (doi 10.3389/fmed.2021.626369). */
    public static final String DEFAULT_TAXONOMY = "zhu2021";

    private final TaxonomyRepository repository;
    private final AccountService accounts;
    private final AuditLog audit;
    private volatile List<Diagnosis> all;

    public Taxonomy(TaxonomyRepository repository, AccountService accounts, AuditLog audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Every class of the default taxonomy, in the paper's order (a seeded taxonomy never changes: cached). */
    @Transactional(readOnly = true)
    public List<Diagnosis> all() {
        List<Diagnosis> result = all;
        if (result == null) {
            result = List.copyOf(repository.diagnoses(DEFAULT_TAXONOMY));
            all = result;
        }
        return result;
    }

    public Map<String, Diagnosis> byCode() {
        return all().stream().collect(Collectors.toMap(Diagnosis::code, Function.identity()));
    }

    public Optional<Diagnosis> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    /**
     * The diagnosis codes of any taxonomy by its code (for validating an import against the taxonomy its set names),
     * or empty when no such taxonomy exists. Read on each call: imports are rare and taxonomies may grow.
     */
    @Transactional(readOnly = true)
    public Optional<Set<String>> codesOf(String taxonomyCode) {
        if (repository.taxonomy(taxonomyCode).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(repository.diagnoses(taxonomyCode).stream().map(Diagnosis::code)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The given codes sorted by the default taxonomy's order; unknown codes are refused. */
    public List<String> inTaxonomyOrder(Collection<String> codes) {
        return inTaxonomyOrder(DEFAULT_TAXONOMY, codes);
    }

    /** Every taxonomy, the seeded ones first. */
    @Transactional(readOnly = true)
    public List<TaxonomySummary> taxonomies() {
        return repository.taxonomies();
    }

    /** One taxonomy; refused when unknown. */
    @Transactional(readOnly = true)
    public TaxonomySummary taxonomy(String code) {
        return repository.taxonomy(code).orElseThrow(() -> new CaseLibraryException("taxonomy.error.unknown", code));
    }

    /** A taxonomy's diagnoses in its order, with groups and parents; refused when the taxonomy is unknown. */
    @Transactional(readOnly = true)
    public List<Diagnosis> diagnoses(String taxonomy) {
        if (DEFAULT_TAXONOMY.equals(taxonomy)) {
            return all();
        }
        taxonomy(taxonomy);
        return repository.diagnoses(taxonomy);
    }

    @Transactional(readOnly = true)
    public Map<String, Diagnosis> byCode(String taxonomy) {
        return diagnoses(taxonomy).stream().collect(Collectors.toMap(Diagnosis::code, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<Diagnosis> find(String taxonomy, String code) {
        return Optional.ofNullable(byCode(taxonomy).get(code));
    }

    /** The given codes sorted by the taxonomy's order; codes the taxonomy does not have are refused. */
    @Transactional(readOnly = true)
    public List<String> inTaxonomyOrder(String taxonomy, Collection<String> codes) {
        Map<String, Diagnosis> known = byCode(taxonomy);
        for (String code : codes) {
            if (!known.containsKey(code)) {
                throw DEFAULT_TAXONOMY.equals(taxonomy) ? new CaseLibraryException("diagnosis.error.unknown", code)
                        : new CaseLibraryException("taxonomy.error.not-in-taxonomy", code, taxonomy);
            }
        }
        return codes.stream().distinct().sorted(Comparator.comparingInt(code -> known.get(code).position()))
                .toList();
    }

    /** Every code of the registry (any taxonomy's), with its names, in the registry's order. */
    @Transactional(readOnly = true)
    public List<Diagnosis> registry() {
        return repository.registry();
    }

    /**
     * Where a diagnosis code is used (cases, label sets, answers, models ...), one line per kind; empty when unused.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<String> uses(String code) {
        return repository.uses(code);
    }

    /** Creates an empty taxonomy (audited). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public TaxonomySummary create(NewTaxonomy form) {
        if (!form.code().matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new CaseLibraryException("taxonomy.error.code", form.code());
        }
        if (repository.taxonomy(form.code()).isPresent()) {
            throw new CaseLibraryException("taxonomy.error.code-taken", form.code());
        }
        if (form.version().isEmpty() || form.version().length() > 32) {
            throw new CaseLibraryException("taxonomy.error.version", 32);
        }
        requireName(form.nameEn(), 200);
        requireName(form.nameZh(), 200);
        if (repository.nameVersionTaken(form.nameEn(), form.version())) {
            throw new CaseLibraryException("taxonomy.error.name-version-taken", form.nameEn(), form.version());
        }
        repository.insertTaxonomy(form.code(), form.version(), form.nameEn(), form.nameZh(), form.reference(),
                accounts.currentAccount().id().value());
        audit.record("taxonomy.created", "taxonomy " + form.code(),
                form.nameEn() + " / " + form.nameZh() + ", version " + form.version()
                        + (form.reference() == null ? "" : ", reference " + form.reference()));
        log.info("Taxonomy {} created by {}", form.code(), CurrentUser.username().orElse("?"));
        return taxonomy(form.code());
    }

    /**
     * Adds a diagnosis at the end of a taxonomy (audited): a new code, which enters the registry with both names, or
     * a registry code such as DF, which keeps its registered names (a code is never renamed or recoded here).
     *
     * @return the diagnosis as the taxonomy now has it
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Diagnosis addDiagnosis(NewDiagnosis form) {
        TaxonomySummary taxonomy = taxonomy(form.taxonomy());
        if (taxonomy.seeded()) {
            throw new CaseLibraryException("taxonomy.error.seeded", taxonomy.code());
        }
        repository.lockTaxonomy(taxonomy.code());
        if (!form.code().matches("[A-Za-z][A-Za-z0-9]{0,7}")) {
            throw new CaseLibraryException("diagnosis.error.code-format", form.code());
        }
        List<Diagnosis> registry = repository.registry();
        Optional<Diagnosis> registered = registry.stream().filter(d -> d.code().equals(form.code())).findFirst();
        Optional<Diagnosis> lookalike = registry.stream()
                .filter(d -> d.code().equalsIgnoreCase(form.code()) && !d.code().equals(form.code())).findFirst();
        if (lookalike.isPresent()) {
            throw new CaseLibraryException("diagnosis.error.code-case", form.code(), lookalike.get().code());
        }
        Map<String, Diagnosis> members = byCode(taxonomy.code());
        if (members.containsKey(form.code())) {
            throw new CaseLibraryException("diagnosis.error.already-in-taxonomy", form.code(), taxonomy.code());
        }
        if (form.parent() != null && !members.containsKey(form.parent())) {
            throw new CaseLibraryException("diagnosis.error.parent-not-in-taxonomy", form.parent(), taxonomy.code());
        }
        if (registered.isPresent()) {
            Diagnosis known = registered.get();
            if ((!form.nameEn().isEmpty() && !form.nameEn().equals(known.nameEn()))
                    || (!form.nameZh().isEmpty() && !form.nameZh().equals(known.nameZh()))) {
                throw new CaseLibraryException("diagnosis.error.names-differ", known.code(), known.nameEn(),
                        known.nameZh());
            }
        } else {
            requireName(form.nameEn(), 100);
            requireName(form.nameZh(), 100);
            repository.insertRegistryCode(form.code(), form.nameEn(), form.nameZh());
        }
        int position = repository.appendToTaxonomy(taxonomy.code(), form.code(), form.group(), form.parent());
        audit.record("taxonomy.diagnosis-added", "taxonomy " + taxonomy.code(),
                form.code() + " at " + position + (registered.isPresent() ? " (registry code)" : " (new code: "
                        + form.nameEn() + " / " + form.nameZh() + ")")
                        + (form.group() == null ? "" : ", group " + form.group().code())
                        + (form.parent() == null ? "" : ", parent " + form.parent()));
        return find(taxonomy.code(), form.code()).orElseThrow();
    }

    /**
     * Takes a diagnosis out of a (non-seeded) taxonomy, only while it is used nowhere, for the diagnosis added by
     * mistake; it leaves the registry too when no other taxonomy has it. A diagnosis in use is refused, naming its
     * uses.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void removeUnusedDiagnosis(String taxonomyCode, String code) {
        TaxonomySummary taxonomy = taxonomy(taxonomyCode);
        if (taxonomy.seeded()) {
            throw new CaseLibraryException("taxonomy.error.seeded", taxonomy.code());
        }
        repository.lockTaxonomy(taxonomy.code());
        if (!byCode(taxonomy.code()).containsKey(code)) {
            throw new CaseLibraryException("taxonomy.error.not-in-taxonomy", code, taxonomy.code());
        }
        List<String> uses = repository.uses(code);
        if (!uses.isEmpty()) {
            throw new CaseLibraryException("diagnosis.error.in-use", code, String.join("; ", uses));
        }
        repository.removeFromTaxonomy(taxonomy.code(), code);
        boolean leftRegistry = repository.taxonomiesHolding(code) == 0;
        if (leftRegistry) {
            repository.deleteRegistryCode(code);
        }
        audit.record("taxonomy.diagnosis-removed", "taxonomy " + taxonomy.code(),
                code + " (unused)" + (leftRegistry ? ", also left the registry" : ""));
    }

    private static void requireName(String name, int max) {
        if (name.isEmpty() || name.length() > max) {
            throw new CaseLibraryException("taxonomy.error.name", max);
        }
    }
}
