package org.dermread.reading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.reading.ReaderProfile;
import org.dermread.reading.ReaderProfileService;
import org.dermread.shell.Notifications;

/** The short experience profile a reader fills in at first sign-in (and may update later). */
@Route("reader/profile")
@RolesAllowed(Role.Names.READER)
public class ReaderProfileView extends VerticalLayout implements HasDynamicTitle {

    public ReaderProfileView(ReaderProfileService profiles) {
        setId("reader-profile");
        setMaxWidth("40em");
        IntegerField years = yearsField("reading.profile.years-dermatology", "years-dermatology");
        IntegerField dermoscopy = yearsField("reading.profile.years-dermoscopy", "years-dermoscopy");
        Checkbox certified = new Checkbox(getTranslation("reading.profile.board-certified"));
        certified.setId("board-certified");
        Select<ReaderProfile.Title> title = new Select<>();
        title.setLabel(getTranslation("reading.profile.title"));
        title.setItems(ReaderProfile.Title.values());
        title.setItemLabelGenerator(t -> getTranslation("reading.title." + t.name()));
        title.setId("title");
        Select<ReaderProfile.HospitalLevel> hospital = new Select<>();
        hospital.setLabel(getTranslation("reading.profile.hospital"));
        hospital.setItems(ReaderProfile.HospitalLevel.values());
        hospital.setItemLabelGenerator(h -> getTranslation("reading.hospital." + h.name()));
        hospital.setId("hospital");

        profiles.myProfile().ifPresent(profile -> {
            years.setValue(profile.yearsDermatology());
            dermoscopy.setValue(profile.yearsDermoscopy());
            certified.setValue(profile.boardCertified());
            title.setValue(profile.title());
            hospital.setValue(profile.hospitalLevel());
        });

        Button save = new Button(getTranslation("common.save"), click -> {
            if (years.getValue() == null || dermoscopy.getValue() == null || title.getValue() == null
                    || hospital.getValue() == null) {
                Notifications.error(getTranslation("reading.profile.error.incomplete"));
                return;
            }
            try {
                profiles.save(new ReaderProfile(years.getValue(), dermoscopy.getValue(), certified.getValue(),
                        title.getValue(), hospital.getValue()));
                getUI().ifPresent(ui -> ui.navigate(ReaderHomeView.class));
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        save.setId("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(years, dermoscopy, title, hospital, certified);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(new H2(getTranslation("reading.profile.heading")), new Paragraph(getTranslation("reading.profile.intro")),
                form, save);
    }

    private IntegerField yearsField(String key, String id) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setMin(0);
        field.setMax(70);
        field.setStepButtonsVisible(true);
        field.setId(id);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reading.profile.heading");
    }
}
