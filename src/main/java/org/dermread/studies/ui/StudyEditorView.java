package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.Study;
import org.dermread.studies.StudyAccess;
import org.dermread.studies.StudyAiRuns;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyMonitoringService;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A study: its definition (editable while a draft), its readers (invited from existing accounts or created from a
 * pasted list), and its life cycle: open (locks the case set and settings), close, clone. The page's root carries
 * the study's status in {@code data-status}, so a test can wait for a state rather than for an element that each
 * redraw replaces.
 */
@Route("coordinator/studies/:studyId")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudyEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StudyService studies;
    private final CaseSetService caseSets;
    private final Taxonomy taxonomy;
    private final StudyAccess access;
    private final StudyMonitoringService monitoring;
    private final ObjectProvider<StudyAiRuns> aiRuns;
    private Study study;
    private StudyDefinitionForm definition;

    public StudyEditorView(StudyService studies, CaseSetService caseSets, Taxonomy taxonomy, StudyAccess access,
            StudyMonitoringService monitoring, ObjectProvider<StudyAiRuns> aiRuns) {
        this.monitoring = monitoring;
        this.aiRuns = aiRuns;
        this.studies = studies;
        this.caseSets = caseSets;
        this.taxonomy = taxonomy;
        this.access = access;
        setId("study-editor");
        setMaxWidth("72em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("studyId").orElse("new");
        study = null;
        if (!id.equals("new")) {
            try {
                long studyId = Long.parseLong(id);
                if (!access.mayManage(studyId)) {
                    event.rerouteToError(NotFoundException.class);
                    return;
                }
                study = studies.findStudy(studyId);
            } catch (NumberFormatException | UserFacingException e) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
        }
        build();
    }

    private void build() {
        removeAll();
        H2 title = new H2(study == null ? getTranslation("studies.editor.title.new") : study.name());
        title.setId("study-title");
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (study != null) {
            Span badge = StudiesView.status(study.status());
            badge.setId("study-status");
            heading.add(badge);
            getElement().setAttribute("data-status", study.status().name());
        } else {
            getElement().removeAttribute("data-status");
        }
        add(new CoordinatorMenu("coordinator/studies"), heading);
        boolean draft = study == null || study.status() == StudyStatus.DRAFT;
        if (!draft) {
            Paragraph locked = new Paragraph(getTranslation("studies.editor.locked"));
            locked.setId("study-locked");
            locked.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(locked);
        }
        List<CaseSet> sets = caseSets.list();
        definition = new StudyDefinitionForm(taxonomy, sets);
        definition.show(study, sets);
        definition.setEditable(draft);
        add(definition, actions(draft));
        if (study != null) {
            add(new StudyReadersSection(studies, monitoring.monitor(study.id()), study, this::reload));
        }
    }

    private HorizontalLayout actions(boolean draft) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (draft) {
            actions.add(button("common.save", "save-study", ButtonVariant.LUMO_PRIMARY, this::save));
        }
        if (study != null && study.status() == StudyStatus.DRAFT) {
            actions.add(button("studies.editor.open", "open-study", ButtonVariant.LUMO_SUCCESS, this::confirmOpen));
        }
        if (study != null && study.status() == StudyStatus.OPEN) {
            actions.add(button("studies.editor.close", "close-study", ButtonVariant.LUMO_ERROR, this::confirmClose));
        }
        if (study != null) {
            actions.add(button("studies.editor.clone", "clone-study", null, this::cloneStudy));
            actions.add(button("studies.monitor.open", "monitor-study", null, () -> getUI().ifPresent(ui ->
                    ui.navigate(StudyMonitorView.class, new RouteParameters("studyId", String.valueOf(study.id()))))));
        }
        return actions;
    }

    private Button button(String key, String id, ButtonVariant variant, Runnable action) {
        Button button = new Button(getTranslation(key), click -> action.run());
        button.setId(id);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        return button;
    }

    private void save() {
        definition.form(Notifications::error).ifPresent(form -> attempt(() -> saved(form)));
    }

    private void saved(StudyForm form) {
        if (study == null) {
            long id = studies.create(form);
            Notifications.success(getTranslation("studies.editor.created", form.name()));
            navigateTo(id);
        } else {
            studies.update(study.id(), form);
            Notifications.success(getTranslation("studies.editor.saved"));
            reload();
        }
    }

    private void confirmOpen() {
        StudyAiRuns ai = aiRuns.getIfAvailable();
        if (study.options().aiAssisted() && ai != null && !ai.aiReadEveryCase(study.id())) {
            new AiNotReadyDialog(study.id(), ai, this::openStudy).open();
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("studies.editor.open.title"),
                getTranslation("studies.editor.open.text"), getTranslation("studies.editor.open"),
                confirm -> openStudy(), getTranslation("common.cancel"), cancel -> { });
        dialog.setId("confirm-open");
        dialog.open();
    }

    /** Opens the study; whether it was opened. */
    private boolean openStudy() {
        try {
            studies.open(study.id());
            Notifications.success(getTranslation("studies.editor.opened"));
            reload();
            return true;
        } catch (UserFacingException e) {
            Notifications.error(e);
            return false;
        }
    }

    private void confirmClose() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("studies.editor.close.title"),
                getTranslation("studies.editor.close.text"), getTranslation("studies.editor.close"),
                confirm -> attempt(() -> {
                    studies.close(study.id());
                    reload();
                }), getTranslation("common.cancel"), cancel -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-close");
        dialog.open();
    }

    private void cloneStudy() {
        attempt(() -> {
            long id = studies.cloneStudy(study.id(), getTranslation("studies.copy-of", study.name()));
            Notifications.success(getTranslation("studies.editor.cloned"));
            navigateTo(id);
        });
    }

    private void navigateTo(long studyId) {
        getUI().ifPresent(ui -> ui.navigate(StudyEditorView.class,
                new RouteParameters("studyId", String.valueOf(studyId))));
    }

    private static void attempt(Runnable action) {
        try {
            action.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void reload() {
        study = studies.findStudy(study.id());
        build();
    }

    @Override
    public String getPageTitle() {
        return (study == null ? getTranslation("studies.editor.title.new") : study.name()) + " · "
                + getTranslation("app.name");
    }
}
