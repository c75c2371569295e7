package org.dermread.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dermread.audit.AuditEvent;
import org.dermread.audit.AuditLog;

/**
 * The audit log for administrators: who did what, when; filtered by the kind of action (named in the page's
 * language), by user (who acted or whom it concerned) and by a range of days. The role is written as text because
 * every feature records into the audit log, accounts included, so audit cannot depend on accounts' types;
 * {@code ArchitectureTest} checks that each {@code @RolesAllowed} names a real role.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AuditLog audit;
    /** The kinds of target the services record as "kind id", longest first ("case set" before "set"). */
    private static final List<String> TARGET_KINDS = List.of("case set", "source", "study");

    private final Select<String> action = new Select<>();
    private final TextField user = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final Grid<AuditEvent> grid = new Grid<>();
    private final Span count = new Span();

    public AuditView(AuditLog audit) {
        this.audit = audit;
        setId("audit-view");
        setSizeFull();

        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action");
        List<String> actions = audit.actions();
        action.setItems(actions);
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.filter.all"));
        action.setItemLabelGenerator(code -> code == null ? getTranslation("audit.filter.all") : actionLabel(code));
        action.setWidth("18em");
        user.setLabel(getTranslation("audit.filter.actor"));
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        until.setLabel(getTranslation("audit.filter.until"));
        until.setId("audit-until");

        grid.setId("audit-grid");
        grid.addColumn(event -> TIME.format(event.occurredAt())).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(event -> actionLabel(event.action())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(event -> targetLabel(event.target())).setHeader(getTranslation("audit.target"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::detail).setHeader(getTranslation("audit.detail")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        Button search = new Button(getTranslation("audit.search"), click -> refresh());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        action.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(action, user, from, until, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        count.setId("audit-count");
        add(new H2(getTranslation("audit.title")), filters, count, grid);
        refresh();
    }

    /** The action's name in the page's language; an action recorded by a newer feature shows its code. */
    private String actionLabel(String code) {
        String key = "audit.action." + code;
        String label = getTranslation(key);
        return label.equals("!" + key + "!") ? code : label;
    }

    /**
     * What an action concerned, with its kind in the page's language: services record "study 12", "case set 3" or
     * "source 5" (or a user name, shown as it is).
     */
    private String targetLabel(String target) {
        if (target == null) {
            return "";
        }
        for (String kind : TARGET_KINDS) {
            if (target.startsWith(kind + " ") && target.substring(kind.length() + 1).matches("\\d+")) {
                return getTranslation("audit.target." + kind.replace(' ', '-'), target.substring(kind.length() + 1));
            }
        }
        return target;
    }

    private void refresh() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = from.getValue();
        LocalDate last = until.getValue();
        if (first != null && last != null && last.isBefore(first)) {
            until.setInvalid(true);
            until.setErrorMessage(getTranslation("audit.filter.until-before-from"));
            return;
        }
        until.setInvalid(false);
        Instant start = first == null ? null : first.atStartOfDay(zone).toInstant();
        Instant end = last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
        List<AuditEvent> events = audit.search(action.getValue(), user.getValue(), start, end, LIMIT);
        grid.setItems(events);
        count.setText(getTranslation(events.size() == LIMIT ? "audit.count.limited" : "audit.count", events.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
