package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.util.ArrayList;
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
import org.dermread.cases.ui.CaseImages;
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
 * drawn by stratified random sampling with a recorded seed or picked by hand, with the class distribution shown
 * before saving. A locked set is shown read-only.
 */
@Route("coordinator/case-sets/:caseSetId")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class CaseSetDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SAMPLE = "sample";
    static final String HAND = "hand";
    private static final SecureRandom SEEDS = new SecureRandom();

    private final CaseSetService caseSets;
    private final CaseLibraryService library;
    private final Taxonomy taxonomy;

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final CheckboxGroup<Diagnosis> labels = new CheckboxGroup<>();
    private final MultiSelectComboBox<CaseSource> sources = new MultiSelectComboBox<>();
    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>();
    private final IntegerField perClass = new IntegerField();
    private final TextField seed = new TextField();
    private final Button draw = new Button();
    private final VerticalLayout samplePanel = new VerticalLayout();
    private final Grid<LibraryCase> handGrid = new Grid<>(LibraryCase.class, false);
    private final Grid<DistributionRow> distribution = new Grid<>(DistributionRow.class, false);
    private final Span chosenTotal = new Span();
    private final Button save = new Button();

    private Map<String, Integer> available = Map.of();
    private CaseSelection selection;
    private Long selectionSeed;
    private Integer selectionPerClass;
    private CaseSet editing;

    /** One line of the distribution table. */
    record DistributionRow(String code, String label, int available, int chosen) {
    }

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

        name.setLabel(getTranslation("studies.field.name"));
        name.setId("case-set-name");
        name.setWidth("28em");
        name.setRequired(true);
        name.setMaxLength(200);
        description.setLabel(getTranslation("studies.field.description"));
        description.setId("case-set-description");
        description.setWidth("28em");
        add(name, description);

        List<CaseSource> allSources = library.sources();
        sources.setLabel(getTranslation("studies.designer.sources"));
        sources.setId("case-set-sources");
        sources.setItems(allSources);
        sources.setItemLabelGenerator(CaseSource::name);
        sources.setHelperText(getTranslation("studies.designer.sources.help"));
        sources.setWidth("28em");
        sources.addValueChangeListener(event -> availabilityChanged());

        labels.setLabel(getTranslation("studies.designer.labels"));
        labels.setHelperText(getTranslation("studies.designer.labels.help"));
        labels.setId("case-set-labels");
        labels.setItems(taxonomy.all());
        labels.addValueChangeListener(event -> {
            if (event.isFromClient() || !readOnly) {
                labelsChanged();
            }
        });
        add(sources, labels);

        add(new H3(getTranslation("studies.designer.cases")));
        mode.setId("case-set-mode");
        mode.setItems(SAMPLE, HAND);
        mode.setItemLabelGenerator(m -> getTranslation(m.equals(SAMPLE) ? "studies.designer.mode.sample"
                : "studies.designer.mode.hand"));
        mode.addValueChangeListener(event -> modeChanged());
        add(mode);

        perClass.setLabel(getTranslation("studies.designer.per-class"));
        perClass.setId("per-class");
        perClass.setMin(1);
        perClass.setStepButtonsVisible(true);
        perClass.setValue(15);
        seed.setLabel(getTranslation("studies.designer.seed"));
        seed.setId("sampling-seed");
        seed.setHelperText(getTranslation("studies.designer.seed.help"));
        seed.setValue(String.valueOf(1 + SEEDS.nextInt(999_999)));
        seed.setAllowedCharPattern("[0-9-]");
        draw.setText(getTranslation("studies.designer.draw"));
        draw.setId("draw-cases");
        draw.addClickListener(click -> drawCases());
        HorizontalLayout sampleRow = new HorizontalLayout(perClass, seed, draw);
        sampleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        sampleRow.setWrap(true);
        samplePanel.setPadding(false);
        samplePanel.removeAll();
        samplePanel.add(sampleRow);
        add(samplePanel);

        handGrid.removeAllColumns();
        handGrid.setId("hand-grid");
        handGrid.setSelectionMode(Grid.SelectionMode.MULTI);
        handGrid.addComponentColumn(c -> CaseImages.thumbnail(library, c)).setWidth("90px").setFlexGrow(0)
                .setHeader(getTranslation("cases.field.image"));
        handGrid.addColumn(LibraryCase::externalId).setHeader(getTranslation("cases.field.case-id"));
        handGrid.addColumn(c -> label(c.diagnosis())).setHeader(getTranslation("cases.field.diagnosis"))
                .setSortable(true);
        handGrid.addColumn(LibraryCase::sourceName).setHeader(getTranslation("cases.field.source"));
        handGrid.setHeight("24em");
        handGrid.asMultiSelect().addValueChangeListener(event -> {
            if (event.isFromClient() || HAND.equals(mode.getValue())) {
                handPicked();
            }
        });
        add(handGrid);

        add(new H3(getTranslation("studies.designer.distribution")));
        distribution.removeAllColumns();
        distribution.setId("distribution");
        distribution.addColumn(DistributionRow::label).setHeader(getTranslation("cases.field.diagnosis"))
                .setFlexGrow(3);
        distribution.addColumn(DistributionRow::available).setHeader(getTranslation("studies.designer.available"))
                .setAutoWidth(true);
        distribution.addColumn(DistributionRow::chosen).setHeader(getTranslation("studies.designer.chosen"))
                .setAutoWidth(true);
        distribution.setAllRowsVisible(true);
        distribution.addThemeVariants(GridVariant.LUMO_COMPACT);
        distribution.setMaxWidth("44em");
        chosenTotal.setId("chosen-total");
        add(distribution, chosenTotal);

        save.setText(getTranslation("common.save"));
        save.setId("save-case-set");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveCaseSet());
        add(save);

        available = library.countsPerClass(CaseFilter.ALL);
        if (editing != null) {
            name.setValue(editing.name());
            description.setValue(editing.description() == null ? "" : editing.description());
            labels.setValue(new LinkedHashSet<>(editing.labels().stream()
                    .map(code -> taxonomy.find(code).orElseThrow()).toList()));
            List<Long> ids = caseSets.caseIds(editing.id());
            selection = caseSets.preview(editing.labels(), ids);
            selectionSeed = editing.samplingSeed();
            selectionPerClass = editing.samplingPerClass();
            if (selectionSeed != null) {
                seed.setValue(String.valueOf(selectionSeed));
                perClass.setValue(selectionPerClass);
            }
            mode.setValue(selectionSeed != null ? SAMPLE : HAND);
            if (HAND.equals(mode.getValue())) {
                refreshHandGrid();
                Set<Long> chosen = new HashSet<>(ids);
                handGrid.asMultiSelect().setValue(handItems().stream().filter(c -> chosen.contains(c.id()))
                        .collect(Collectors.toSet()));
            }
        } else {
            mode.setValue(SAMPLE);
        }
        labels.setItemLabelGenerator(d -> d.label(getLocale()) + " (" + available.getOrDefault(d.code(), 0) + ")");
        showDistribution();
        if (readOnly) {
            name.setReadOnly(true);
            description.setReadOnly(true);
            labels.setReadOnly(true);
            sources.setReadOnly(true);
            mode.setReadOnly(true);
            perClass.setReadOnly(true);
            seed.setReadOnly(true);
            draw.setEnabled(false);
            save.setVisible(false);
            handGrid.setSelectionMode(Grid.SelectionMode.NONE);
        }
    }

    private String label(String code) {
        return taxonomy.find(code).map(d -> d.label(getLocale())).orElse(code);
    }

    private List<String> chosenLabels() {
        return taxonomy.inTaxonomyOrder(labels.getValue().stream().map(Diagnosis::code).toList());
    }

    private Set<Long> sourceIds() {
        return sources.getValue().stream().map(CaseSource::id).collect(Collectors.toSet());
    }

    private void availabilityChanged() {
        available = library.countsPerClass(new CaseFilter(Set.of(), sourceIds()));
        labels.setItemLabelGenerator(d -> d.label(getLocale()) + " (" + available.getOrDefault(d.code(), 0) + ")");
        labelsChanged();
    }

    private void labelsChanged() {
        if (SAMPLE.equals(mode.getValue())) {
            selection = null;
            selectionSeed = null;
            selectionPerClass = null;
        } else {
            refreshHandGrid();
            handPicked();
        }
        showDistribution();
    }

    private void modeChanged() {
        boolean sample = SAMPLE.equals(mode.getValue());
        samplePanel.setVisible(sample);
        handGrid.setVisible(!sample);
        selection = null;
        selectionSeed = null;
        selectionPerClass = null;
        if (!sample) {
            refreshHandGrid();
        }
        showDistribution();
    }

    private List<LibraryCase> handItems() {
        List<String> codes = labels.getValue().stream().map(Diagnosis::code).toList();
        return codes.isEmpty() ? List.of() : library.cases(new CaseFilter(Set.copyOf(codes), sourceIds()));
    }

    private void refreshHandGrid() {
        Set<Long> kept = handGrid.asMultiSelect().getValue().stream().map(LibraryCase::id).collect(Collectors.toSet());
        List<LibraryCase> items = handItems();
        handGrid.setItems(items);
        handGrid.asMultiSelect().setValue(items.stream().filter(c -> kept.contains(c.id()))
                .collect(Collectors.toSet()));
    }

    private void handPicked() {
        List<Long> ids = handGrid.asMultiSelect().getValue().stream().map(LibraryCase::id).toList();
        try {
            selection = labels.getValue().size() < 2 ? null : caseSets.preview(chosenLabels(), ids);
        } catch (UserFacingException e) {
            selection = null;
            Notifications.error(e);
        }
        selectionSeed = null;
        selectionPerClass = null;
        showDistribution();
    }

    private void drawCases() {
        long seedValue;
        try {
            seedValue = Long.parseLong(seed.getValue().trim());
        } catch (NumberFormatException e) {
            Notifications.error(getTranslation("studies.designer.seed.invalid"));
            return;
        }
        if (perClass.getValue() == null || perClass.getValue() < 1) {
            Notifications.error(getTranslation("studies.caseset.error.per-class"));
            return;
        }
        try {
            selection = caseSets.sample(new SamplingPlan(chosenLabels(), perClass.getValue(), seedValue, sourceIds()));
            selectionSeed = seedValue;
            selectionPerClass = perClass.getValue();
        } catch (UserFacingException e) {
            selection = null;
            Notifications.error(e);
        }
        showDistribution();
    }

    private void showDistribution() {
        List<DistributionRow> rows = new ArrayList<>();
        for (Diagnosis d : taxonomy.all()) {
            if (labels.getValue().contains(d)) {
                int chosen = selection == null ? 0 : selection.distribution().getOrDefault(d.code(), 0);
                rows.add(new DistributionRow(d.code(), d.label(getLocale()), available.getOrDefault(d.code(), 0),
                        chosen));
            }
        }
        distribution.setItems(rows);
        int total = selection == null ? 0 : selection.caseIds().size();
        chosenTotal.setText(getTranslation("studies.designer.total", total, rows.size()));
    }

    private void saveCaseSet() {
        if (selection == null || selection.caseIds().isEmpty()) {
            Notifications.error(getTranslation(SAMPLE.equals(mode.getValue()) ? "studies.designer.draw-first"
                    : "studies.caseset.error.no-cases"));
            return;
        }
        try {
            CaseSetDesign design = new CaseSetDesign(name.getValue(), description.getValue(), chosenLabels(),
                    selection.caseIds(), selectionSeed, selectionPerClass);
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
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studies.designer.title.new") + " · " + getTranslation("app.name");
    }
}
