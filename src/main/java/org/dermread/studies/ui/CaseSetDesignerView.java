package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.CaseSource;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.TaxonomySummary;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.CaseSelection;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetDesign;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.SamplingPlan;

/**
 * Case-set designer: a label set (an ordered subset of the taxonomy; readers see it in this order), then the cases,
 * drawn by stratified random sampling with a recorded seed ({@link SamplingPanel}) or picked by hand
 * ({@link HandPickGrid}), with the class distribution ({@link DistributionTable}) shown before saving. A locked set,
 * or one the user may not change, is shown read-only.
 */
@Route("coordinator/case-sets/:caseSetId")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class CaseSetDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SAMPLE = "sample";
    static final String HAND = "hand";

    private final CaseSetService caseSets;
    private final CaseLibraryService library;
    private final Taxonomy taxonomy;

    private CaseSetDetailsForm details;
    private Select<TaxonomySummary> taxonomyChoice;
    private CheckboxGroup<Diagnosis> labels;
    private MultiSelectComboBox<CaseSource> sources;
    private RadioButtonGroup<String> mode;
    private SamplingPanel sampling;
    private HandPickGrid handGrid;
    private DistributionTable distribution;

    private Map<String, Integer> available = Map.of();
    private CaseSelection selection;
    private Long selectionSeed;
    private Integer selectionPerClass;
    private Integer selectionImagesPerLesion;
    private CaseSet editing;
    /** True while a saved case set is put into the fields: their listeners then leave the selection alone. */
    private boolean loading;

    public CaseSetDesignerView(CaseSetService caseSets, CaseLibraryService library, Taxonomy taxonomy) {
        this.caseSets = caseSets;
        this.library = library;
        this.taxonomy = taxonomy;
        setId("case-set-designer");
        setMaxWidth("72em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("caseSetId").orElse("new");
        editing = null;
        if (!id.equals("new")) {
            try {
                editing = caseSets.find(Long.parseLong(id));
            } catch (NumberFormatException | UserFacingException e) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
        }
        build();
    }

    private void build() {
        removeAll();
        add(new CoordinatorMenu("coordinator/case-sets"), new H2(editing == null
                ? getTranslation("studies.designer.title.new")
                : getTranslation("studies.designer.title.edit", editing.name())));
        boolean readOnly = editing != null && (editing.locked() || !caseSets.mayChange(editing));
        if (readOnly) {
            Paragraph locked = new Paragraph(getTranslation(editing.locked() ? "studies.designer.locked"
                    : "studies.designer.not-yours"));
            locked.setId("case-set-read-only");
            locked.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(locked);
        }
        details = new CaseSetDetailsForm();
        sampling = new SamplingPanel(this::drawCases);
        handGrid = new HandPickGrid(library, this::label, this::handPicked);
        distribution = new DistributionTable();
        add(details, libraryChoice(readOnly), new H3(getTranslation("studies.designer.cases")), modeChoice(),
                sampling, handGrid, new H3(getTranslation("studies.designer.distribution")), distribution);
        Button save = new Button(getTranslation("common.save"), click -> saveCaseSet());
        save.setId("save-case-set");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);

        countAvailable();
        if (editing != null) {
            showSaved(editing);
        } else {
            mode.setValue(SAMPLE);
        }
        showDistribution();
        if (readOnly) {
            details.setEditable(false);
            labels.setReadOnly(true);
            taxonomyChoice.setReadOnly(true);
            sources.setReadOnly(true);
            mode.setReadOnly(true);
            sampling.setEditable(false);
            save.setVisible(false);
            handGrid.setSelectionMode(Grid.SelectionMode.NONE);
        }
    }

    private VerticalLayout libraryChoice(boolean readOnly) {
        taxonomyChoice = new Select<>();
        taxonomyChoice.setId("case-set-taxonomy");
        taxonomyChoice.setLabel(getTranslation("studies.designer.taxonomy"));
        taxonomyChoice.setHelperText(getTranslation("studies.designer.taxonomy.help"));
        taxonomyChoice.setItemLabelGenerator(t -> t.label(getLocale()));
        List<TaxonomySummary> taxonomies = taxonomy.taxonomies();
        taxonomyChoice.setItems(taxonomies);
        taxonomyChoice.setWidth("28em");
        String chosen = editing == null ? Taxonomy.DEFAULT_TAXONOMY : editing.taxonomy();
        taxonomyChoice.setValue(taxonomies.stream().filter(t -> t.code().equals(chosen)).findFirst().orElseThrow());
        sources = new MultiSelectComboBox<>();
        labels = new CheckboxGroup<>();
        sources.setLabel(getTranslation("studies.designer.sources"));
        sources.setId("case-set-sources");
        sources.setItems(sourcesOfTaxonomy());
        sources.setItemLabelGenerator(CaseSource::name);
        sources.setHelperText(getTranslation("studies.designer.sources.help"));
        sources.setWidth("28em");
        sources.addValueChangeListener(event -> availabilityChanged());
        labels.setLabel(getTranslation("studies.designer.labels"));
        labels.setHelperText(getTranslation("studies.designer.labels.help"));
        labels.setId("case-set-labels");
        labels.setItems(taxonomyDiagnoses());
        labels.addValueChangeListener(event -> {
            if (event.isFromClient() || !readOnly) {
                labelsChanged();
            }
        });
        taxonomyChoice.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                taxonomyChanged();
            }
        });
        VerticalLayout box = new VerticalLayout(taxonomyChoice, sources, labels);
        box.setPadding(false);
        return box;
    }

    private RadioButtonGroup<String> modeChoice() {
        mode = new RadioButtonGroup<>();
        mode.setId("case-set-mode");
        mode.setItems(SAMPLE, HAND);
        mode.setItemLabelGenerator(m -> getTranslation(m.equals(SAMPLE) ? "studies.designer.mode.sample"
                : "studies.designer.mode.hand"));
        mode.addValueChangeListener(event -> modeChanged());
        return mode;
    }

    /** Puts a saved case set into the fields: its labels, how its cases were chosen, and those cases. */
    private void showSaved(CaseSet caseSet) {
        List<Long> ids = caseSets.caseIds(caseSet.id());
        boolean sampled = caseSet.samplingSeed() != null;
        loading = true;
        try {
            details.show(caseSet);
            mode.setValue(sampled ? SAMPLE : HAND);
            Map<String, Diagnosis> known = taxonomy.byCode(caseSet.taxonomy());
            labels.setValue(new LinkedHashSet<>(caseSet.labels().stream().map(known::get).toList()));
            if (sampled) {
                sampling.show(caseSet.samplingPerClass(), caseSet.samplingSeed(), caseSet.samplingImagesPerLesion());
            } else {
                handGrid.pick(handItems(), new HashSet<>(ids));
            }
        } finally {
            loading = false;
        }
        selection = caseSets.preview(caseSet.taxonomy(), caseSet.labels(), ids);
        selectionSeed = caseSet.samplingSeed();
        selectionPerClass = caseSet.samplingPerClass();
        selectionImagesPerLesion = caseSet.samplingImagesPerLesion();
    }

    private String label(String code) {
        return taxonomy.find(taxonomyCode(), code).map(d -> d.label(getLocale())).orElse(code);
    }

    private String taxonomyCode() {
        return taxonomyChoice.getValue().code();
    }

    private List<Diagnosis> taxonomyDiagnoses() {
        return taxonomy.diagnoses(taxonomyCode());
    }

    private List<CaseSource> sourcesOfTaxonomy() {
        Set<Long> ids = caseSets.sourcesOf(taxonomyCode());
        return library.sources().stream().filter(source -> ids.contains(source.id())).toList();
    }

    /** Another taxonomy: other labels, other case sources, nothing chosen yet. */
    private void taxonomyChanged() {
        loading = true;
        try {
            labels.clear();
            labels.setItems(taxonomyDiagnoses());
            sources.clear();
            sources.setItems(sourcesOfTaxonomy());
        } finally {
            loading = false;
        }
        forgetSelection();
        availabilityChanged();
    }

    private List<String> chosenLabels() {
        return taxonomy.inTaxonomyOrder(taxonomyCode(), labels.getValue().stream().map(Diagnosis::code).toList());
    }

    /** The chosen sources, or every source of the taxonomy when none is chosen ({@code -1}: none at all). */
    private Set<Long> sourceIds() {
        Set<Long> chosen = sources.getValue().stream().map(CaseSource::id).collect(Collectors.toSet());
        if (!chosen.isEmpty()) {
            return chosen;
        }
        Set<Long> all = caseSets.sourcesOf(taxonomyCode());
        return all.isEmpty() ? Set.of(-1L) : all;
    }

    private void availabilityChanged() {
        countAvailable();
        labelsChanged();
    }

    /**
     * Images per class in the chosen sources, and on each label its count; where several images show one lesion,
     * the lesions too, since sampling draws lesions (a class of 6 images of 5 lesions gives at most 5).
     */
    private void countAvailable() {
        CaseFilter filter = new CaseFilter(Set.of(), sourceIds());
        available = library.countsPerClass(filter);
        Map<String, Integer> lesions = library.lesionsPerClass(filter);
        labels.setItemLabelGenerator(d -> {
            int images = available.getOrDefault(d.code(), 0);
            int distinct = lesions.getOrDefault(d.code(), 0);
            return d.label(getLocale()) + " (" + (distinct == images ? String.valueOf(images)
                    : getTranslation("studies.designer.images-lesions", images, distinct)) + ")";
        });
    }

    private void labelsChanged() {
        if (loading) {
            return;
        }
        if (SAMPLE.equals(mode.getValue())) {
            forgetSelection();
        } else {
            handGrid.show(handItems());
            handPicked();
        }
        showDistribution();
    }

    private void modeChanged() {
        boolean sample = SAMPLE.equals(mode.getValue());
        sampling.setVisible(sample);
        handGrid.setVisible(!sample);
        if (loading) {
            return;
        }
        forgetSelection();
        if (!sample) {
            handGrid.show(handItems());
        }
        showDistribution();
    }

    private List<LibraryCase> handItems() {
        List<String> codes = labels.getValue().stream().map(Diagnosis::code).toList();
        return codes.isEmpty() ? List.of() : library.cases(new CaseFilter(Set.copyOf(codes), sourceIds()));
    }

    private void handPicked() {
        if (loading) {
            return;
        }
        try {
            selection = labels.getValue().size() < 2 ? null : caseSets.preview(taxonomyCode(), chosenLabels(),
                    handGrid.pickedIdList());
        } catch (UserFacingException e) {
            selection = null;
            Notifications.error(e);
        }
        selectionSeed = null;
        selectionPerClass = null;
        selectionImagesPerLesion = null;
        showDistribution();
    }

    private void drawCases(SamplingPanel.Sampling plan) {
        try {
            selection = caseSets.sample(new SamplingPlan(chosenLabels(), plan.getPerClass(), plan.getSeed(),
                    sources.getValue().stream().map(CaseSource::id).collect(Collectors.toSet()),
                    plan.getImagesPerLesion(), taxonomyCode()));
            selectionSeed = plan.getSeed();
            selectionPerClass = plan.getPerClass();
            selectionImagesPerLesion = plan.getImagesPerLesion();
        } catch (UserFacingException e) {
            forgetSelection();
            Notifications.error(e);
        }
        showDistribution();
    }

    private void forgetSelection() {
        selection = null;
        selectionSeed = null;
        selectionPerClass = null;
        selectionImagesPerLesion = null;
    }

    private void showDistribution() {
        List<Diagnosis> chosen = taxonomyDiagnoses().stream().filter(labels.getValue()::contains).toList();
        distribution.show(chosen, available, selection);
    }

    private void saveCaseSet() {
        if (selection == null || selection.caseIds().isEmpty()) {
            Notifications.error(getTranslation(SAMPLE.equals(mode.getValue()) ? "studies.designer.draw-first"
                    : "studies.caseset.error.no-cases"));
            return;
        }
        details.details().ifPresent(form -> {
            try {
                CaseSetDesign design = new CaseSetDesign(form.getName(), form.getDescription(), chosenLabels(),
                        selection.caseIds(), selectionSeed, selectionPerClass, selectionImagesPerLesion,
                        taxonomyCode());
                if (editing == null) {
                    caseSets.create(design);
                } else {
                    caseSets.update(editing.id(), design);
                }
                Notifications.success(getTranslation("studies.designer.saved", design.name()));
                getUI().ifPresent(ui -> ui.navigate(CaseSetsView.class));
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studies.designer.title.new") + " · " + getTranslation("app.name");
    }
}
