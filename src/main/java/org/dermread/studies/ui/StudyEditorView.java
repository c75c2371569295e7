package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.ui.CoordinatorMenu;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.CaseSet;
import org.dermread.studies.CaseSetService;
import org.dermread.studies.ConfidenceScale;
import org.dermread.studies.CreatedReader;
import org.dermread.studies.Participant;
import org.dermread.studies.ReaderListParser;
import org.dermread.studies.Study;
import org.dermread.studies.StudyForm;
import org.dermread.studies.StudyOptions;
import org.dermread.studies.StudyAccess;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;

/**
 * A study: its definition (editable while a draft), its readers (invited from existing accounts or created from a
 * pasted list), and its life cycle: open (locks the case set and settings), close, clone.
 */
@Route("coordinator/studies/:studyId")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class StudyEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final StudyService studies;
    private final CaseSetService caseSets;
    private final AccountService accounts;
    private final Taxonomy taxonomy;
    private final StudyAccess access;

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Select<CaseSet> caseSet = new Select<>();
    private final CheckboxGroup<Diagnosis> labels = new CheckboxGroup<>();
    private final Checkbox shuffle = new Checkbox();
    private final Checkbox allowBack = new Checkbox();
    private final Select<ConfidenceScale> confidence = new Select<>();
    private final Checkbox feedback = new Checkbox();
    private final Checkbox aiAssisted = new Checkbox();
    private final Checkbox showClinical = new Checkbox();
    private final IntegerField batchSize = new IntegerField();
    private Study study;

    public StudyEditorView(StudyService studies, CaseSetService caseSets, AccountService accounts,
            Taxonomy taxonomy, StudyAccess access) {
        this.studies = studies;
        this.access = access;
        this.caseSets = caseSets;
        this.accounts = accounts;
        this.taxonomy = taxonomy;
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
            var badge = StudiesView.status(study.status());
            badge.setId("study-status");
            heading.add(badge);
        }
        add(new CoordinatorMenu("coordinator/studies"), heading);
        boolean draft = study == null || study.status() == StudyStatus.DRAFT;
        if (!draft) {
            Paragraph locked = new Paragraph(getTranslation("studies.editor.locked"));
            locked.setId("study-locked");
            locked.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(locked);
        }
        add(definition(draft), actions(draft));
        if (study != null) {
            add(readers());
        }
    }

    private VerticalLayout definition(boolean draft) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        name.setLabel(getTranslation("studies.field.name"));
        name.setId("study-name");
        name.setWidth("28em");
        name.setRequired(true);
        name.setMaxLength(200);
        description.setLabel(getTranslation("studies.field.description"));
        description.setId("study-description");
        description.setWidth("28em");

        caseSet.setLabel(getTranslation("studies.field.case-set"));
        caseSet.setId("study-case-set");
        caseSet.setWidth("28em");
        List<CaseSet> sets = caseSets.list();
        caseSet.setItems(sets);
        caseSet.setItemLabelGenerator(set -> set == null ? "" : getTranslation("studies.editor.case-set-item",
                set.name(), set.caseCount(), set.labels().size()));
        caseSet.setEmptySelectionAllowed(false);
        if (sets.isEmpty()) {
            caseSet.setHelperText(getTranslation("studies.editor.no-case-sets"));
        }

        labels.setLabel(getTranslation("studies.field.labels"));
        labels.setHelperText(getTranslation("studies.editor.labels.help"));
        labels.setId("study-labels");
        labels.setItems(taxonomy.all());
        labels.setItemLabelGenerator(d -> d.label(getLocale()));
        caseSet.addValueChangeListener(event -> {
            if (event.getValue() != null && event.isFromClient()) {
                labels.setValue(new LinkedHashSet<>(event.getValue().labels().stream()
                        .map(code -> taxonomy.find(code).orElseThrow()).toList()));
            }
        });

        shuffle.setLabel(getTranslation("studies.option.shuffle"));
        shuffle.setId("study-shuffle");
        allowBack.setLabel(getTranslation("studies.option.allow-back"));
        allowBack.setId("study-allow-back");
        confidence.setLabel(getTranslation("studies.option.confidence"));
        confidence.setId("study-confidence");
        confidence.setItems(ConfidenceScale.values());
        confidence.setItemLabelGenerator(scale -> getTranslation("studies.confidence." + scale.name()));
        feedback.setLabel(getTranslation("studies.option.feedback"));
        feedback.setId("study-feedback");
        aiAssisted.setLabel(getTranslation("studies.option.ai"));
        aiAssisted.setId("study-ai");
        showClinical.setLabel(getTranslation("studies.option.clinical"));
        showClinical.setId("study-clinical");
        batchSize.setLabel(getTranslation("studies.option.batch"));
        batchSize.setHelperText(getTranslation("studies.option.batch.help"));
        batchSize.setId("study-batch");
        batchSize.setMin(1);

        StudyOptions options = study == null ? StudyOptions.DEFAULTS : study.options();
        if (study != null) {
            name.setValue(study.name());
            description.setValue(study.description() == null ? "" : study.description());
            sets.stream().filter(set -> set.id() == study.caseSetId()).findFirst().ifPresent(caseSet::setValue);
            labels.setValue(new LinkedHashSet<>(study.labels().stream()
                    .map(code -> taxonomy.find(code).orElseThrow()).toList()));
        } else if (!sets.isEmpty()) {
            caseSet.setValue(sets.get(0));
            labels.setValue(new LinkedHashSet<>(sets.get(0).labels().stream()
                    .map(code -> taxonomy.find(code).orElseThrow()).toList()));
        }
        shuffle.setValue(options.shuffle());
        allowBack.setValue(options.allowBack());
        confidence.setValue(options.confidence());
        feedback.setValue(options.feedback());
        aiAssisted.setValue(options.aiAssisted());
        showClinical.setValue(options.showClinical());
        batchSize.setValue(options.batchSize());

        VerticalLayout optionBox = new VerticalLayout(shuffle, allowBack, feedback, aiAssisted, showClinical);
        optionBox.setPadding(false);
        optionBox.setSpacing(false);
        HorizontalLayout scaleRow = new HorizontalLayout(confidence, batchSize);
        scaleRow.setWrap(true);
        form.add(name, description, caseSet, labels, new H3(getTranslation("studies.editor.options")), optionBox,
                scaleRow);
        if (!draft) {
            name.setReadOnly(true);
            description.setReadOnly(true);
            caseSet.setReadOnly(true);
            labels.setReadOnly(true);
            shuffle.setReadOnly(true);
            allowBack.setReadOnly(true);
            confidence.setReadOnly(true);
            feedback.setReadOnly(true);
            aiAssisted.setReadOnly(true);
            showClinical.setReadOnly(true);
            batchSize.setReadOnly(true);
        }
        return form;
    }

    private HorizontalLayout actions(boolean draft) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (draft) {
            Button save = new Button(getTranslation("common.save"), click -> save());
            save.setId("save-study");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(save);
        }
        if (study != null && study.status() == StudyStatus.DRAFT) {
            Button open = new Button(getTranslation("studies.editor.open"), click -> confirmOpen());
            open.setId("open-study");
            open.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            actions.add(open);
        }
        if (study != null && study.status() == StudyStatus.OPEN) {
            Button close = new Button(getTranslation("studies.editor.close"), click -> confirmClose());
            close.setId("close-study");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(close);
        }
        if (study != null) {
            Button copy = new Button(getTranslation("studies.editor.clone"), click -> cloneStudy());
            copy.setId("clone-study");
            actions.add(copy);
        }
        return actions;
    }

    private StudyForm form() {
        CaseSet set = caseSet.getValue();
        if (set == null) {
            throw new org.dermread.studies.StudyException("studies.caseset.error.not-found");
        }
        List<String> codes = taxonomy.inTaxonomyOrder(labels.getValue().stream().map(Diagnosis::code).toList());
        Integer batch = batchSize.getValue();
        return new StudyForm(name.getValue(), description.getValue(), set.id(), codes,
                new StudyOptions(shuffle.getValue(), allowBack.getValue(), confidence.getValue(), feedback.getValue(),
                        aiAssisted.getValue(), showClinical.getValue(), batch));
    }

    private void save() {
        if (batchSize.isInvalid()) {
            Notifications.error(getTranslation("studies.error.batch-size"));
            return;
        }
        try {
            StudyForm form = form();
            if (study == null) {
                long id = studies.create(form);
                Notifications.success(getTranslation("studies.editor.created", form.name()));
                getUI().ifPresent(ui -> ui.navigate(StudyEditorView.class,
                        new RouteParameters("studyId", String.valueOf(id))));
            } else {
                studies.update(study.id(), form);
                Notifications.success(getTranslation("studies.editor.saved"));
                reload();
            }
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void confirmOpen() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("studies.editor.open.title"),
                getTranslation("studies.editor.open.text"), getTranslation("studies.editor.open"), confirm -> {
                    try {
                        studies.open(study.id());
                        Notifications.success(getTranslation("studies.editor.opened"));
                        reload();
                    } catch (UserFacingException e) {
                        Notifications.error(e);
                    }
                }, getTranslation("common.cancel"), cancel -> { });
        dialog.setId("confirm-open");
        dialog.open();
    }

    private void confirmClose() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("studies.editor.close.title"),
                getTranslation("studies.editor.close.text"), getTranslation("studies.editor.close"), confirm -> {
                    try {
                        studies.close(study.id());
                        reload();
                    } catch (UserFacingException e) {
                        Notifications.error(e);
                    }
                }, getTranslation("common.cancel"), cancel -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-close");
        dialog.open();
    }

    private void cloneStudy() {
        try {
            long id = studies.cloneStudy(study.id(), getTranslation("studies.copy-of", study.name()));
            Notifications.success(getTranslation("studies.editor.cloned"));
            getUI().ifPresent(ui -> ui.navigate(StudyEditorView.class,
                    new RouteParameters("studyId", String.valueOf(id))));
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void reload() {
        study = studies.findStudy(study.id());
        build();
    }

    private VerticalLayout readers() {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("study-readers");
        List<Participant> participants = studies.participants(study.id());
        section.add(new H3(getTranslation("studies.readers.title", participants.size())));
        boolean closed = study.status() == StudyStatus.CLOSED;

        Grid<Participant> grid = new Grid<>(Participant.class, false);
        grid.setId("participant-grid");
        grid.addColumn(Participant::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(Participant::displayName).setHeader(getTranslation("accounts.name"));
        grid.addColumn(p -> String.valueOf(p.orderSeed())).setHeader(getTranslation("studies.readers.seed"))
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.startedAt() == null ? "studies.readers.not-started"
                : "studies.readers.started")).setHeader(getTranslation("studies.field.status")).setAutoWidth(true);
        if (!closed) {
            grid.addComponentColumn(p -> {
                Button remove = new Button(getTranslation("studies.readers.remove"), click -> {
                    try {
                        studies.removeReader(study.id(), p.participationId());
                        reload();
                    } catch (UserFacingException e) {
                        Notifications.error(e);
                    }
                });
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                remove.setEnabled(p.startedAt() == null);
                return remove;
            }).setAutoWidth(true);
        }
        grid.setItems(participants);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        section.add(grid);
        if (closed) {
            return section;
        }

        MultiSelectComboBox<Account> choice = new MultiSelectComboBox<>(getTranslation("studies.readers.existing"));
        choice.setId("reader-choice");
        choice.setWidth("28em");
        var invited = participants.stream().map(p -> p.readerId().value()).toList();
        choice.setItems(accounts.list().stream()
                .filter(a -> a.hasRole(Role.READER) && a.enabled() && !invited.contains(a.id().value())).toList());
        choice.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        Button invite = new Button(getTranslation("studies.readers.invite"), click -> {
            try {
                int added = studies.assignReaders(study.id(), choice.getValue().stream().map(Account::id).toList());
                Notifications.success(getTranslation("studies.readers.invited", added));
                reload();
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        invite.setId("invite-readers");
        HorizontalLayout inviteRow = new HorizontalLayout(choice, invite);
        inviteRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        inviteRow.setWrap(true);
        section.add(inviteRow);

        TextArea list = new TextArea(getTranslation("studies.readers.bulk"));
        list.setId("reader-list");
        list.setWidthFull();
        list.setMinHeight("8em");
        list.setHelperText(getTranslation("studies.readers.bulk.help"));
        list.setPlaceholder("Li Wei, li.wei@hospital.cn, 12, 6, yes, CHIEF, TERTIARY_A");
        Button create = new Button(getTranslation("studies.readers.create"), click -> {
            try {
                List<CreatedReader> created = studies.createReaders(study.id(), ReaderListParser.parse(list.getValue()));
                reload();
                showPasswords(created);
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        create.setId("create-readers");
        section.add(list, create);
        return section;
    }

    private void showPasswords(List<CreatedReader> created) {
        Dialog dialog = new Dialog(getTranslation("studies.readers.passwords.title"));
        dialog.setId("reader-passwords");
        Grid<CreatedReader> grid = new Grid<>(CreatedReader.class, false);
        grid.setId("created-readers");
        grid.addColumn(CreatedReader::displayName).setHeader(getTranslation("accounts.name"));
        grid.addColumn(CreatedReader::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(CreatedReader::oneTimePassword).setHeader(getTranslation("accounts.onetime.title"))
                .setAutoWidth(true);
        grid.setItems(created);
        grid.setAllRowsVisible(true);
        grid.setWidth("min(56em, 90vw)");
        dialog.add(new Paragraph(getTranslation("studies.readers.passwords.text")), grid);
        Button done = new Button(getTranslation("common.close"), click -> dialog.close());
        done.setId("close-passwords");
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return (study == null ? getTranslation("studies.editor.title.new") : study.name()) + " · "
                + getTranslation("app.name");
    }
}
