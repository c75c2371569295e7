package org.dermread.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dermread.accounts.Role;
import org.dermread.cases.Diagnosis;
import org.dermread.cases.DiagnosisGroup;
import org.dermread.cases.NewDiagnosis;
import org.dermread.cases.NewTaxonomy;
import org.dermread.cases.Taxonomy;
import org.dermread.cases.TaxonomySummary;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;

/**
 * The taxonomies: each one's diagnoses in order with both names, group and parent; a new taxonomy; a diagnosis added
 * to one (a new code, or a code the registry has, such as DF). Nothing here removes or recodes a diagnosis, and the
 * published taxonomies shipped with DermRead take no additions. Administrators and coordinators: coordinators design
 * the studies that need a taxonomy, and every change is an audited addition that leaves existing case sets, studies
 * and models as they are (their label sets are stored with them).
 */
@Route("coordinator/taxonomies")
@RolesAllowed({Role.Names.COORDINATOR, Role.Names.ADMIN})
public class TaxonomiesView extends VerticalLayout implements HasDynamicTitle {

    private final Taxonomy taxonomy;
    private final Select<TaxonomySummary> choice = new Select<>();
    private final Grid<Diagnosis> diagnoses = new Grid<>();
    private final Paragraph about = new Paragraph();
    private final VerticalLayout addBox = new VerticalLayout();
    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameZh = new TextField();
    private final Select<DiagnosisGroup> group = new Select<>();
    private final Select<String> parent = new Select<>();

    public TaxonomiesView(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        setId("taxonomies");
        setMaxWidth("72em");
        add(new CoordinatorMenu("coordinator/taxonomies"), new H2(getTranslation("taxonomy.title")));
        choice.setId("taxonomy-choice");
        choice.setLabel(getTranslation("taxonomy.choice"));
        choice.setItemLabelGenerator(t -> t == null ? "" : t.label(getLocale()));
        choice.setWidth("36em");
        choice.addValueChangeListener(event -> show(event.getValue()));
        about.setId("taxonomy-about");
        // the reference on its own line, then what may be done with the taxonomy
        about.getStyle().set("white-space", "pre-line");
        diagnoses.setId("taxonomy-diagnoses");
        diagnoses.setAllRowsVisible(true);
        // long names wrap rather than being cut (a tablet shows every name whole)
        diagnoses.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        diagnoses.addColumn(Diagnosis::position).setHeader(getTranslation("taxonomy.column.position"))
                .setAutoWidth(true).setFlexGrow(0);
        diagnoses.addColumn(Diagnosis::code).setHeader(getTranslation("taxonomy.column.code")).setAutoWidth(true)
                .setFlexGrow(0);
        // the names take the width; the short columns only what they need
        diagnoses.addColumn(Diagnosis::nameEn).setHeader(getTranslation("taxonomy.column.name-en")).setFlexGrow(3);
        diagnoses.addColumn(Diagnosis::nameZh).setHeader(getTranslation("taxonomy.column.name-zh")).setFlexGrow(2);
        diagnoses.addColumn(d -> d.group() == null ? "" : groupName(d.group()))
                .setHeader(getTranslation("taxonomy.column.group")).setAutoWidth(true).setFlexGrow(0);
        diagnoses.addColumn(d -> d.parent() == null ? "" : d.parent())
                .setHeader(getTranslation("taxonomy.column.parent")).setAutoWidth(true).setFlexGrow(0);
        add(choice, about, diagnoses, addDiagnosisForm(), newTaxonomyForm());
        refresh(Taxonomy.DEFAULT_TAXONOMY);
    }

    private VerticalLayout addDiagnosisForm() {
        code.setId("diagnosis-code");
        code.setLabel(getTranslation("taxonomy.field.code"));
        code.setHelperText(getTranslation("taxonomy.field.code.help"));
        code.setMaxLength(8);
        nameEn.setId("diagnosis-name-en");
        nameEn.setLabel(getTranslation("taxonomy.field.name-en"));
        nameZh.setId("diagnosis-name-zh");
        nameZh.setLabel(getTranslation("taxonomy.field.name-zh"));
        group.setId("diagnosis-group");
        group.setLabel(getTranslation("taxonomy.column.group"));
        group.setItems(Arrays.asList(DiagnosisGroup.values()));
        group.setEmptySelectionAllowed(true);
        group.setItemLabelGenerator(g -> g == null ? "" : groupName(g));
        parent.setId("diagnosis-parent");
        parent.setLabel(getTranslation("taxonomy.column.parent"));
        parent.setEmptySelectionAllowed(true);
        Button add = new Button(getTranslation("taxonomy.add"), click -> addDiagnosis());
        add.setId("add-diagnosis");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, nameEn, nameZh, group, parent);
        addBox.setPadding(false);
        addBox.add(new H3(getTranslation("taxonomy.add.title")), form, add);
        return addBox;
    }

    private VerticalLayout newTaxonomyForm() {
        TextField newCode = new TextField(getTranslation("taxonomy.field.taxonomy-code"));
        newCode.setId("taxonomy-code");
        newCode.setHelperText(getTranslation("taxonomy.field.taxonomy-code.help"));
        TextField version = new TextField(getTranslation("taxonomy.field.version"));
        version.setId("taxonomy-version");
        TextField en = new TextField(getTranslation("taxonomy.field.name-en"));
        en.setId("taxonomy-name-en");
        TextField zh = new TextField(getTranslation("taxonomy.field.name-zh"));
        zh.setId("taxonomy-name-zh");
        TextField reference = new TextField(getTranslation("taxonomy.field.reference"));
        reference.setId("taxonomy-reference");
        Button create = new Button(getTranslation("taxonomy.create"), click -> {
            try {
                TaxonomySummary created = taxonomy.create(new NewTaxonomy(newCode.getValue(), version.getValue(),
                        en.getValue(), zh.getValue(), reference.getValue()));
                Notifications.success(getTranslation("taxonomy.created", created.name(getLocale())));
                List.of(newCode, version, en, zh, reference).forEach(TextField::clear);
                refresh(created.code());
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        create.setId("create-taxonomy");
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("taxonomy.new.title")),
                new FormLayout(newCode, version, en, zh, reference), create);
        box.setPadding(false);
        return box;
    }

    private void addDiagnosis() {
        TaxonomySummary shown = choice.getValue();
        try {
            Diagnosis added = taxonomy.addDiagnosis(new NewDiagnosis(shown.code(), code.getValue(),
                    nameEn.getValue(), nameZh.getValue(), group.getValue(), parent.getValue()));
            Notifications.success(getTranslation("taxonomy.added", added.label(getLocale()),
                    shown.name(getLocale())));
            List.of(code, nameEn, nameZh).forEach(TextField::clear);
            group.clear();
            refresh(shown.code());
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void refresh(String selected) {
        List<TaxonomySummary> all = taxonomy.taxonomies();
        choice.setItems(all);
        choice.setValue(all.stream().filter(t -> t.code().equals(selected)).findFirst().orElse(all.get(0)));
    }

    private void show(TaxonomySummary shown) {
        if (shown == null) {
            return;
        }
        List<Diagnosis> list = taxonomy.diagnoses(shown.code());
        diagnoses.setItems(list);
        // widths fitted to this taxonomy's codes and groups, not the previous one's
        diagnoses.recalculateColumnWidths();
        List<String> codes = new ArrayList<>(list.stream().map(Diagnosis::code).toList());
        parent.setItems(codes);
        String text = shown.seeded() ? getTranslation("taxonomy.about.seeded") : getTranslation("taxonomy.about.own");
        about.setText((shown.reference() == null ? "" : shown.reference() + "\n") + text);
        addBox.setVisible(!shown.seeded());
    }

    private String groupName(DiagnosisGroup g) {
        return getTranslation("taxonomy.group." + g.code());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("taxonomy.title") + " · " + getTranslation("app.name");
    }
}
