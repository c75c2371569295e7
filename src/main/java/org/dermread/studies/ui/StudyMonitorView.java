package org.dermread.studies.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import org.dermread.accounts.Role;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.common.UserFacingException;
import org.dermread.studies.ReaderProgress;
import org.dermread.studies.ReaderStatus;
import org.dermread.studies.StudyAccess;
import org.dermread.studies.StudyMonitor;
import org.dermread.studies.StudyMonitoringService;
import org.springframework.security.access.AccessDeniedException;

/**
 * A study's readers as the coordinator follows them: one row per invited reader with status, last activity and
 * median time per case, totals on top, sortable and filterable, and the table as CSV (names and logins: for the
 * coordinator only).
 */
@Route("coordinator/studies/:studyId/readers")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudyMonitorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final StudyMonitoringService monitoring;
    private final StudyAccess access;
    private StudyMonitor monitor;

    public StudyMonitorView(StudyMonitoringService monitoring, StudyAccess access) {
        this.monitoring = monitoring;
        this.access = access;
        setId("study-monitor");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long studyId = Long.parseLong(event.getRouteParameters().get("studyId").orElse(""));
            if (!access.mayManage(studyId)) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            monitor = monitoring.monitor(studyId);
        } catch (NumberFormatException | AccessDeniedException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        H2 title = new H2(getTranslation("studies.monitor.title", monitor.studyName()));
        title.setId("monitor-title");
        Anchor back = new Anchor("coordinator/studies/" + monitor.studyId(), getTranslation("studies.monitor.back"));
        back.setId("monitor-back");
        add(new CoordinatorMenu("coordinator/studies"), title, back, totals());

        Grid<ReaderProgress> grid = grid();
        GridListDataView<ReaderProgress> rows = grid.setItems(monitor.readers());
        TextField search = new TextField();
        search.setId("monitor-search");
        search.setPlaceholder(getTranslation("studies.monitor.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        Select<ReaderStatus> status = new Select<>();
        status.setId("monitor-status-filter");
        status.setItems(ReaderStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("studies.monitor.all-statuses"));
        status.setItemLabelGenerator(value -> value == null ? getTranslation("studies.monitor.all-statuses")
                : getTranslation("studies.monitor.status." + value.name()));
        status.setAriaLabel(getTranslation("studies.field.status"));
        Runnable filter = () -> rows.setFilter(reader -> (status.getValue() == null
                || reader.status() == status.getValue()) && matches(reader, search.getValue()));
        search.addValueChangeListener(change -> filter.run());
        status.addValueChangeListener(change -> filter.run());

        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            try {
                byte[] bytes = monitoring.csv(monitor.studyId());
                return new DownloadResponse(new ByteArrayInputStream(bytes),
                        "study-" + monitor.studyId() + "-readers.csv", "text/csv; charset=UTF-8", bytes.length);
            } catch (AccessDeniedException e) {
                return DownloadResponse.error(403);
            }
        }), getTranslation("studies.monitor.csv"));
        csv.getElement().setAttribute("download", true);
        csv.setId("monitor-csv");
        HorizontalLayout tools = new HorizontalLayout(search, status, csv);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        add(tools, grid);
    }

    private Span totals() {
        Span totals = new Span(getTranslation("studies.monitor.totals",
                monitor.count(ReaderStatus.Group.FINISHED), monitor.count(ReaderStatus.Group.IN_PROGRESS),
                monitor.count(ReaderStatus.Group.NOT_STARTED), monitor.readers().size()));
        totals.setId("monitor-totals");
        totals.getStyle().set("font-weight", "600");
        return totals;
    }

    private Grid<ReaderProgress> grid() {
        Grid<ReaderProgress> grid = new Grid<>(ReaderProgress.class, false);
        grid.setId("monitor-grid");
        grid.addColumn(ReaderProgress::displayName).setHeader(getTranslation("accounts.name")).setKey("name")
                .setComparator(Comparator.comparing(ReaderProgress::displayName, String.CASE_INSENSITIVE_ORDER))
                .setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(ReaderProgress::username).setHeader(getTranslation("accounts.username")).setKey("login")
                .setComparator(Comparator.comparing(ReaderProgress::username, String.CASE_INSENSITIVE_ORDER))
                .setAutoWidth(true);
        grid.addColumn(this::statusText).setHeader(getTranslation("studies.field.status")).setKey("status")
                .setComparator(Comparator.comparing(ReaderProgress::status)
                        .thenComparingInt(reader -> reader.answeredUnaided() + reader.answeredAided()))
                .setAutoWidth(true);
        if (monitor.hasArms()) {
            grid.addColumn(reader -> reader.arm() == null ? "–" : reader.arm())
                    .setHeader(getTranslation("studies.readers.arm")).setKey("arm")
                    .setComparator(Comparator.comparing(ReaderProgress::arm,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .setAutoWidth(true);
        }
        grid.addColumn(reader -> reader.lastActivity() == null ? "" : WHEN.format(reader.lastActivity()))
                .setHeader(getTranslation("studies.monitor.last-activity")).setKey("last-activity")
                .setComparator(Comparator.comparing(ReaderProgress::lastActivity,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setAutoWidth(true);
        grid.addColumn(reader -> reader.medianSecondsPerCase() == null ? ""
                        : String.format(Locale.ROOT, "%.1f", reader.medianSecondsPerCase()))
                .setHeader(getTranslation("studies.monitor.median")).setKey("median")
                .setComparator(Comparator.comparing(ReaderProgress::medianSecondsPerCase,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        return grid;
    }

    private String statusText(ReaderProgress reader) {
        return switch (reader.status()) {
            case READING_UNAIDED -> getTranslation("studies.monitor.status.READING_UNAIDED.count",
                    reader.answeredUnaided(), reader.cases());
            case READING_AIDED -> getTranslation("studies.monitor.status.READING_AIDED.count", reader.answeredAided(),
                    reader.cases());
            default -> getTranslation("studies.monitor.status." + reader.status().name());
        };
    }

    private static boolean matches(ReaderProgress reader, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || reader.displayName().toLowerCase(Locale.ROOT).contains(wanted)
                || reader.username().toLowerCase(Locale.ROOT).contains(wanted);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studies.monitor.title", monitor == null ? "" : monitor.studyName()) + " · "
                + getTranslation("app.name");
    }
}
