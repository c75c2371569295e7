package org.dermread.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dermread.audit.AuditEvent;
import org.dermread.audit.AuditLog;

/**
 * The audit log for administrators: who did what, when; filter by action prefix and actor. The role is written as
 * text because every feature records into the audit log, accounts included, so audit cannot depend on accounts'
 * types; {@code ArchitectureTest} checks that each {@code @RolesAllowed} names a real role.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public AuditView(AuditLog audit) {
        setId("audit-view");
        setSizeFull();
        TextField action = new TextField(getTranslation("audit.filter.action"));
        action.setPlaceholder("signin.");
        TextField actor = new TextField(getTranslation("audit.filter.actor"));
        Grid<AuditEvent> grid = new Grid<>();
        grid.addColumn(event -> TIME.format(event.occurredAt())).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::target).setHeader(getTranslation("audit.target"));
        grid.addColumn(AuditEvent::detail).setHeader(getTranslation("audit.detail")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Runnable refresh = () -> grid.setItems(audit.recent(action.getValue().trim(), actor.getValue().trim(), 500));
        Button search = new Button(getTranslation("audit.search"), click -> refresh.run());
        search.setId("audit-search");
        HorizontalLayout filters = new HorizontalLayout(action, actor, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("audit.title")), filters, grid);
        refresh.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
