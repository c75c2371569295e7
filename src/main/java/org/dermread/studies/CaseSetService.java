package org.dermread.studies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditLog;
import org.dermread.cases.Taxonomy;
import org.dermread.studies.internal.CaseSetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case sets: a label set and the library cases chosen for it, by stratified random sampling with a recorded seed or
 * by hand. Coordinators see and use every case set but change only their own; administrators change any. A locked
 * set (one an opened study uses) is never changed: clone it instead.
 */
@Service
public class CaseSetService {

    private static final Logger log = LoggerFactory.getLogger(CaseSetService.class);
    static final int MIN_LABELS = 2;

    private final CaseSetRepository caseSets;
    private final Taxonomy taxonomy;
    private final AccountService accounts;
    private final AuditLog audit;

    public CaseSetService(CaseSetRepository caseSets, Taxonomy taxonomy, AccountService accounts, AuditLog audit) {
        this.caseSets = caseSets;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Draws {@code perClass} lesions of each label and up to {@code imagesPerLesion} images of each: each class's
     * lesions, in the order of their first case id, are shuffled by a random generator seeded from the plan's seed
     * and the class code, and the first ones taken; a lesion with more images than asked for gives those its own
     * shuffle (seeded from the plan's seed and its first case id) puts first. A case without a lesion id is a lesion
     * of its own, so a library without lesions draws exactly as image-level sampling did. The same seed on the same
     * library gives the same cases, adding a label does not change the others' draw, and a lesion never appears more
     * than {@code imagesPerLesion} times (lesions are one diagnosis each: the import refuses a lesion of two).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public CaseSelection sample(SamplingPlan plan) {
        List<String> labels = checkedLabels(plan.taxonomy(), plan.labels());
        List<Long> chosen = new ArrayList<>();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        List<String> short_ = new ArrayList<>();
        for (String code : labels) {
            Map<String, List<Long>> byLesion = new LinkedHashMap<>();
            for (CaseSetRepository.LesionCase candidate : caseSets.libraryCasesByLesion(code, plan.sourceIds(),
                    plan.taxonomy())) {
                byLesion.computeIfAbsent(candidate.lesion(), lesion -> new ArrayList<>()).add(candidate.caseId());
            }
            List<List<Long>> lesions = new ArrayList<>(byLesion.values());
            if (lesions.size() < plan.perClass()) {
                short_.add(code + " (" + lesions.size() + ")");
                continue;
            }
            Collections.shuffle(lesions, new Random(plan.seed() * 1_000_003L + code.hashCode()));
            int taken = 0;
            for (List<Long> images : lesions.subList(0, plan.perClass())) {
                List<Long> order = new ArrayList<>(images);
                if (order.size() > plan.imagesPerLesion()) {
                    Collections.shuffle(order, new Random(plan.seed() * 1_000_003L + order.get(0)));
                }
                List<Long> kept = order.subList(0, Math.min(order.size(), plan.imagesPerLesion()));
                chosen.addAll(kept);
                taken += kept.size();
            }
            distribution.put(code, taken);
        }
        if (!short_.isEmpty()) {
            throw new StudyException("studies.caseset.error.too-few", plan.perClass(), String.join(", ", short_));
        }
        Collections.sort(chosen);
        return new CaseSelection(chosen, distribution);
    }

    /** The class distribution of hand-picked cases, checked against the label set, before saving. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public CaseSelection preview(List<String> labels, List<Long> caseIds) {
        return preview(Taxonomy.DEFAULT_TAXONOMY, labels, caseIds);
    }

    /** As {@link #preview(List, List)}, for labels of the given taxonomy and cases of its case sources. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public CaseSelection preview(String taxonomyCode, List<String> labels, List<Long> caseIds) {
        List<String> checked = checkedLabels(taxonomyCode, labels);
        requireTaxonomysCases(taxonomyCode, caseIds);
        return new CaseSelection(caseIds.stream().distinct().sorted().toList(), distributionOf(checked, caseIds));
    }

    /** The case sources a case set on this taxonomy may draw from (those labelled with its codes). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Set<Long> sourcesOf(String taxonomyCode) {
        return caseSets.sourceIdsOf(taxonomyCode);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long create(CaseSetDesign design) {
        validate(design);
        long id = caseSets.insert(design, accounts.currentAccount().id().value());
        log.info("Case set {} '{}' ({} cases, labels {}) created by {}", id, design.name(), design.caseIds().size(),
                design.labels(), CurrentUser.username().orElse("?"));
        audit.record("caseset.created", "case set " + id, describe(design));
        return id;
    }

    /** What the audit log keeps of a design: name, size, labels and how the cases were drawn. */
    private static String describe(CaseSetDesign design) {
        return design.name() + ": " + design.caseIds().size() + " cases, taxonomy " + design.taxonomy() + ", labels "
                + String.join(" ", design.labels())
                + (design.samplingSeed() == null ? ", picked by hand"
                        : ", " + design.samplingPerClass() + " per class, seed " + design.samplingSeed()
                                + ", " + design.samplingImagesPerLesion() + " image(s) per lesion");
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public void update(long caseSetId, CaseSetDesign design) {
        CaseSet existing = caseSets.findForUpdate(caseSetId)
                .orElseThrow(() -> new StudyException("studies.caseset.error.not-found"));
        requireOwner(existing);
        if (existing.locked()) {
            throw new StudyException("studies.caseset.error.locked", existing.name());
        }
        validate(design);
        caseSets.update(caseSetId, design);
        log.info("Case set {} changed by {}", caseSetId, CurrentUser.username().orElse("?"));
        audit.record("caseset.updated", "case set " + caseSetId, describe(design));
    }

    /** A new, unlocked case set with the same labels and cases, owned by the caller. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public long cloneCaseSet(long caseSetId, String newName) {
        CaseSet original = find(caseSetId);
        CaseSetDesign copy = new CaseSetDesign(newName, original.description(), original.labels(),
                caseSets.caseIds(caseSetId), original.samplingSeed(), original.samplingPerClass(),
                original.samplingImagesPerLesion(), original.taxonomy());
        validate(copy);
        long id = caseSets.insert(copy, accounts.currentAccount().id().value());
        audit.record("caseset.cloned", "case set " + id, "copy of case set " + caseSetId + ": " + describe(copy));
        return id;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public List<CaseSet> list() {
        return caseSets.findAll();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public CaseSet find(long caseSetId) {
        return caseSets.find(caseSetId).orElseThrow(() -> new StudyException("studies.caseset.error.not-found"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public List<Long> caseIds(long caseSetId) {
        find(caseSetId);
        return caseSets.caseIds(caseSetId);
    }

    /** Cases per ground-truth class, in taxonomy order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'STATISTICIAN')")
    public Map<String, Integer> distribution(long caseSetId) {
        return caseSets.distribution(caseSetId);
    }

    /** Whether the signed-in person may change this case set (ignoring its lock). */
    @PreAuthorize("isAuthenticated()")
    public boolean mayChange(CaseSet caseSet) {
        return CurrentUser.hasRole(Role.ADMIN)
                || (CurrentUser.hasRole(Role.COORDINATOR)
                        && accounts.currentAccount().id().value() == caseSet.createdBy());
    }

    private void requireOwner(CaseSet caseSet) {
        if (!mayChange(caseSet)) {
            throw new NotYourStudyException();
        }
    }

    private List<String> checkedLabels(String taxonomyCode, List<String> labels) {
        if (labels.size() < MIN_LABELS) {
            throw new StudyException("studies.caseset.error.labels", MIN_LABELS);
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new StudyException("studies.caseset.error.labels-duplicate");
        }
        taxonomy.inTaxonomyOrder(taxonomyCode, labels);
        return labels;
    }

    /** Refuses cases of case sources of another taxonomy (a DF of Zhu's set is not a DF of an ISIC set). */
    private void requireTaxonomysCases(String taxonomyCode, List<Long> caseIds) {
        List<Long> outside = caseSets.casesOutsideTaxonomy(caseIds.stream().distinct().toList(), taxonomyCode);
        if (!outside.isEmpty()) {
            throw new StudyException("studies.caseset.error.other-taxonomy", outside.size(), taxonomyCode);
        }
    }

    private void validate(CaseSetDesign design) {
        if (design.name().isEmpty()) {
            throw new StudyException("studies.caseset.error.name");
        }
        if (design.name().length() > 200) {
            throw new StudyException("studies.error.name-too-long", 200);
        }
        checkedLabels(design.taxonomy(), design.labels());
        if (design.caseIds().isEmpty()) {
            throw new StudyException("studies.caseset.error.no-cases");
        }
        requireTaxonomysCases(design.taxonomy(), design.caseIds());
        distributionOf(design.labels(), design.caseIds());
        if ((design.samplingSeed() == null) != (design.samplingPerClass() == null)
                || (design.samplingSeed() == null) != (design.samplingImagesPerLesion() == null)) {
            throw new StudyException("studies.caseset.error.sampling-record");
        }
        if (design.samplingImagesPerLesion() != null) {
            if (design.samplingImagesPerLesion() < 1) {
                throw new StudyException("studies.caseset.error.images-per-lesion");
            }
            List<String> repeated = caseSets.lesionsAbove(design.caseIds(), design.samplingImagesPerLesion());
            if (!repeated.isEmpty()) {
                throw new StudyException("studies.caseset.error.lesion-repeated", repeated.size(),
                        design.samplingImagesPerLesion(), String.join(", ", repeated.stream().limit(10).toList()));
            }
        }
    }

    /** Refuses ids not in the library and cases whose ground truth is not a label. */
    private Map<String, Integer> distributionOf(List<String> labels, List<Long> caseIds) {
        Map<Long, String> truth = caseSets.diagnoses(caseIds.stream().distinct().toList());
        List<Long> unknown = caseIds.stream().filter(id -> !truth.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new StudyException("studies.caseset.error.unknown-cases", unknown.size());
        }
        List<String> outside = truth.values().stream().filter(code -> !labels.contains(code)).distinct().sorted()
                .toList();
        if (!outside.isEmpty()) {
            throw new StudyException("studies.caseset.error.outside-labels", String.join(", ", outside));
        }
        Map<String, Long> counts = truth.values().stream()
                .collect(Collectors.groupingBy(code -> code, Collectors.counting()));
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (String code : labels) {
            distribution.put(code, counts.getOrDefault(code, 0L).intValue());
        }
        return distribution;
    }
}
