package org.dermread.studies.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dermread.cases.CaseLibraryService;
import org.dermread.cases.LibraryCase;
import org.dermread.cases.ui.CaseImages;

/** Library cases with thumbnails to pick by hand; keeps the picked ones when the list of cases changes. */
class HandPickGrid extends Grid<LibraryCase> {

    HandPickGrid(CaseLibraryService library, Function<String, String> diagnosisLabel, Runnable picked) {
        super(LibraryCase.class, false);
        setId("hand-grid");
        setSelectionMode(SelectionMode.MULTI);
        addComponentColumn(c -> CaseImages.thumbnail(library, c)).setWidth("104px").setFlexGrow(0)
                .setHeader(getTranslation("cases.field.image"));
        addColumn(LibraryCase::externalId).setHeader(getTranslation("cases.field.case-id"));
        addColumn(c -> diagnosisLabel.apply(c.diagnosis())).setHeader(getTranslation("cases.field.diagnosis"))
                .setSortable(true);
        addColumn(LibraryCase::sourceName).setHeader(getTranslation("cases.field.source"));
        setHeight("24em");
        asMultiSelect().addValueChangeListener(event -> {
            if (event.isFromClient() || isVisible()) {
                picked.run();
            }
        });
    }

    /** Lists these cases; those picked before and still listed stay picked. */
    void show(List<LibraryCase> cases) {
        pick(cases, pickedIds());
    }

    /** Lists these cases with the given ones picked. */
    void pick(List<LibraryCase> cases, Set<Long> ids) {
        setItems(cases);
        asMultiSelect().setValue(cases.stream().filter(c -> ids.contains(c.id())).collect(Collectors.toSet()));
    }

    Set<Long> pickedIds() {
        return asMultiSelect().getValue().stream().map(LibraryCase::id).collect(Collectors.toSet());
    }

    List<Long> pickedIdList() {
        return asMultiSelect().getValue().stream().map(LibraryCase::id).toList();
    }
}
