package org.dermread.cases.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.accounts.Role;
import org.dermread.cases.CaseFilter;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.CaseSource;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.Taxonomy;
import org.dermread.shell.BodySites;

/** The case library: every imported case with its thumbnail and ground truth, filtered, with counts per class. */
@Route("coordinator/cases")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN, Role.Names.STATISTICIAN})
public class CaseLibraryView extends VerticalLayout implements HasDynamicTitle {

    private final CaseLibraryService library;
    private final Map<String, Diagnosis> diagnoses;
    private final MultiSelectComboBox<Diagnosis> diagnosisFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<CaseSource> sourceFilter = new MultiSelectComboBox<>();
    private final FlexLayout counts = new FlexLayout();
    private final Grid<LibraryCase> grid = new Grid<>(LibraryCase.class, false);
    private final Span total = new Span();

    public CaseLibraryView(CaseLibraryService library, Taxonomy taxonomy) {
        this.library = library;
        // Every code of the registry, so cases of any taxonomy (Zhu 2021, ISIC, ...) show and filter by their names.
        List<Diagnosis> registry = taxonomy.registry();
        this.diagnoses = registry.stream().collect(Collectors.toMap(Diagnosis::code, Function.identity()));
        setId("case-library");
        setSizeFull();
        add(new CoordinatorMenu("coordinator/cases"), new H2(getTranslation("cases.library.title")));

        diagnosisFilter.setLabel(getTranslation("cases.library.filter.diagnosis"));
        diagnosisFilter.setId("filter-diagnosis");
        diagnosisFilter.setItems(registry);
        diagnosisFilter.setItemLabelGenerator(d -> d.label(getLocale()));
        diagnosisFilter.setWidth("22em");
        sourceFilter.setLabel(getTranslation("cases.library.filter.source"));
        sourceFilter.setId("filter-source");
        List<CaseSource> sources = library.sources();
        sourceFilter.setItems(sources);
        sourceFilter.setItemLabelGenerator(CaseSource::name);
        sourceFilter.setWidth("22em");
        diagnosisFilter.addValueChangeListener(event -> refresh());
        sourceFilter.addValueChangeListener(event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(diagnosisFilter, sourceFilter);
        filters.setWrap(true);
        add(filters);

        counts.setId("class-counts");
        counts.setAlignItems(FlexComponent.Alignment.CENTER);
        counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        counts.getStyle().set("gap", "var(--lumo-space-s)");
        total.setId("case-total");
        total.getStyle().set("font-weight", "600");
        add(counts);
        if (sources.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("cases.library.empty"));
            empty.setId("library-empty");
            add(empty);
        }

        grid.addComponentColumn(c -> CaseImages.thumbnail(library, c)).setHeader(getTranslation("cases.field.image"))
                .setWidth("104px").setFlexGrow(0);
        grid.addColumn(LibraryCase::externalId).setHeader(getTranslation("cases.field.case-id")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(c -> label(c.diagnosis())).setHeader(getTranslation("cases.field.diagnosis"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> c.age() == null ? "" : String.valueOf(c.age()))
                .setHeader(getTranslation("cases.field.age")).setAutoWidth(true);
        grid.addColumn(c -> c.sex() == null ? "" : getTranslation("cases.sex." + c.sex()))
                .setHeader(getTranslation("cases.field.sex")).setAutoWidth(true);
        grid.addColumn(c -> BodySites.label(c.bodySite()))
                .setHeader(getTranslation("cases.field.body-site"));
        grid.addColumn(LibraryCase::sourceName).setHeader(getTranslation("cases.field.source"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("case-grid");
        // the rows take the height the filters and counts leave on the screen, and never less than a few rows
        grid.setWidthFull();
        grid.setMinHeight("12em");
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(CaseDetailView.class,
                new RouteParameters("caseId", String.valueOf(event.getItem().id())))));
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private String label(String code) {
        Diagnosis diagnosis = diagnoses.get(code);
        return diagnosis == null ? code : diagnosis.label(getLocale());
    }

    private void refresh() {
        CaseFilter filter = new CaseFilter(
                diagnosisFilter.getValue().stream().map(Diagnosis::code).collect(Collectors.toSet()),
                sourceFilter.getValue().stream().map(CaseSource::id).collect(Collectors.toSet()));
        List<LibraryCase> cases = library.cases(filter);
        grid.setItems(cases);
        total.setText(getTranslation("cases.library.total", cases.size()));
        counts.removeAll();
        counts.add(total);
        // Codes on the badges, names in their tooltips: with two taxonomies' classes in the library the names took
        // four lines at 1366 x 768 and pushed the grid below the fold.
        library.countsPerClass(filter).forEach((code, n) -> {
            Span badge = new Span(code + ": " + n);
            badge.setTitle(label(code));
            badge.getElement().getThemeList().add("badge");
            badge.setId("count-" + code);
            counts.add(badge);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.library.title") + " · " + getTranslation("app.name");
    }
}
