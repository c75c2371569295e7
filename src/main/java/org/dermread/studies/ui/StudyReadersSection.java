package org.dermread.studies.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.CreatedReader;
import org.dermread.studies.Participant;
import org.dermread.studies.ReaderListException;
import org.dermread.studies.ReaderListParser;
import org.dermread.studies.ReaderListProblem;
import org.dermread.studies.ReaderProgress;
import org.dermread.studies.ReaderStatus;
import org.dermread.studies.Study;
import org.dermread.studies.StudyMonitor;
import org.dermread.studies.StudyService;
import org.dermread.studies.StudyStatus;

/**
 * A study's readers: who is invited (with their order seeds), inviting existing readers (those the service says may
 * be invited), and creating readers from a pasted list, whose problems are listed line by line under it.
 */
class StudyReadersSection extends VerticalLayout {

    private final StudyService studies;
    private final Study study;
    private final Runnable changed;
    private final Div problems = new Div();

    /** {@code changed} runs after readers were invited, created or removed, to show the study anew. */
    StudyReadersSection(StudyService studies, StudyMonitor monitor, Study study, Runnable changed) {
        this.studies = studies;
        this.study = study;
        this.changed = changed;
        setPadding(false);
        setId("study-readers");
        List<Participant> participants = studies.participants(study.id());
        Map<Long, ReaderStatus> status = monitor.readers().stream()
                .collect(Collectors.toMap(ReaderProgress::participationId, ReaderProgress::status));
        add(new H3(getTranslation("studies.readers.title", participants.size())), grid(participants, status));
        if (study.status() != StudyStatus.CLOSED) {
            add(invite(), paste());
        }
    }

    private Grid<Participant> grid(List<Participant> participants, Map<Long, ReaderStatus> status) {
        Grid<Participant> grid = new Grid<>(Participant.class, false);
        grid.setId("participant-grid");
        grid.addColumn(Participant::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(Participant::displayName).setHeader(getTranslation("accounts.name")).setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(p -> Seeds.shortForm(p.orderSeed())).setHeader(getTranslation("studies.readers.seed"))
                .setTooltipGenerator(p -> Seeds.fullForm(p.orderSeed())).setAutoWidth(true);
        grid.addColumn(p -> status.containsKey(p.participationId())
                ? getTranslation("studies.monitor.status." + status.get(p.participationId()).name())
                : getTranslation(p.startedAt() == null ? "studies.readers.not-started" : "studies.readers.started"))
                .setHeader(getTranslation("studies.field.status")).setAutoWidth(true);
        if (study.options().aiAssisted()) {
            grid.addColumn(p -> p.phaseOrder() == null ? "–" : getTranslation("studies.phase-order." + p.phaseOrder()))
                    .setHeader(getTranslation("studies.readers.phase-order")).setAutoWidth(true);
        }
        if (!study.arms().isEmpty()) {
            // The arm with what reproduces it: the experience group and rank it was drawn in (seed: the study's).
            grid.addColumn(p -> p.arm() == null ? "–" : p.arm() + " · " + armName(p.arm()))
                    .setHeader(getTranslation("studies.readers.arm")).setKey("arm").setAutoWidth(true)
                    .setTooltipGenerator(p -> p.arm() == null ? getTranslation("studies.readers.arm.not-drawn")
                            : getTranslation("studies.readers.arm.drawn",
                                    getTranslation("studies.experience-group." + p.armGroup()), p.armRank()));
        }
        if (study.status() != StudyStatus.CLOSED) {
            grid.addComponentColumn(this::removeButton).setAutoWidth(true);
        }
        grid.setItems(participants);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private String armName(String code) {
        return study.arms().stream().filter(arm -> arm.code().equals(code)).map(arm -> arm.name()).findFirst()
                .orElse("");
    }

    private Button removeButton(Participant participant) {
        Button remove = new Button(getTranslation("studies.readers.remove"),
                click -> run(() -> studies.removeReader(study.id(), participant.participationId())));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.setEnabled(participant.startedAt() == null);
        return remove;
    }

    private HorizontalLayout invite() {
        MultiSelectComboBox<Account> choice = new MultiSelectComboBox<>(getTranslation("studies.readers.existing"));
        choice.setId("reader-choice");
        choice.setWidth("28em");
        choice.setItems(studies.invitableReaders(study.id()));
        choice.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        Button invite = new Button(getTranslation("studies.readers.invite"), click -> run(() -> {
            int added = studies.assignReaders(study.id(), choice.getValue().stream().map(Account::id).toList());
            Notifications.success(getTranslation("studies.readers.invited", added));
        }));
        invite.setId("invite-readers");
        HorizontalLayout row = new HorizontalLayout(choice, invite);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private VerticalLayout paste() {
        TextArea list = new TextArea(getTranslation("studies.readers.bulk"));
        list.setId("reader-list");
        list.setWidthFull();
        list.setMinHeight("8em");
        list.setHelperText(getTranslation("studies.readers.bulk.help"));
        list.setPlaceholder(getTranslation("studies.readers.bulk.placeholder"));
        problems.setId("reader-list-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button(getTranslation("studies.readers.create"), click -> create(list.getValue()));
        create.setId("create-readers");
        VerticalLayout box = new VerticalLayout(list, problems, create);
        box.setPadding(false);
        return box;
    }

    private void create(String pasted) {
        problems.removeAll();
        try {
            List<CreatedReader> created = studies.createReaders(study.id(), ReaderListParser.parse(pasted));
            changed.run();
            new OneTimePasswordsDialog(created).open();
        } catch (ReaderListException e) {
            for (ReaderListProblem problem : e.problems()) {
                problems.add(new Paragraph(getTranslation("studies.readers.problem.line", problem.line(),
                        getTranslation(problem.messageKey(), problem.arguments().toArray()))));
            }
            Notifications.error(e);
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
            changed.run();
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }
}
