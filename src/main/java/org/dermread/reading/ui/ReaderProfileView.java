package org.dermread.reading.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;
import org.dermread.studies.HospitalLevel;
import org.dermread.studies.ReaderField;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderProfileException;
import org.dermread.studies.ReaderProfileService;
import org.dermread.studies.ReaderTitle;

/**
 * The short experience profile a reader fills in at first sign-in (and may update later). The form only collects
 * the fields; {@link ReaderProfile} decides what is valid, and its message lands on the field at fault.
 */
@Route("reader/profile")
@RolesAllowed(Role.Names.READER)
public class ReaderProfileView extends VerticalLayout implements HasDynamicTitle {

    private final ReaderProfileService profiles;
    private final IntegerField years = yearsField("reading.profile.years-dermatology", "years-dermatology");
    private final IntegerField dermoscopy = yearsField("reading.profile.years-dermoscopy", "years-dermoscopy");
    private final Checkbox certified = new Checkbox(getTranslation("reading.profile.board-certified"));
    private final Select<ReaderTitle> title = new Select<>();
    private final Select<HospitalLevel> hospital = new Select<>();
    private final Binder<ProfileDraft> binder = new Binder<>();

    public ReaderProfileView(ReaderProfileService profiles) {
        this.profiles = profiles;
        setId("reader-profile");
        setMaxWidth("40em");
        certified.setId("board-certified");
        title.setLabel(getTranslation("reading.profile.title"));
        title.setItems(ReaderTitle.values());
        title.setItemLabelGenerator(t -> getTranslation("reading.title." + t.name()));
        title.setId("title");
        hospital.setLabel(getTranslation("reading.profile.hospital"));
        hospital.setItems(HospitalLevel.values());
        hospital.setItemLabelGenerator(h -> getTranslation("reading.hospital." + h.name()));
        hospital.setId("hospital");

        String incomplete = getTranslation("reading.profile.error.incomplete");
        binder.forField(years).asRequired(incomplete).bind(ProfileDraft::getYearsDermatology,
                ProfileDraft::setYearsDermatology);
        binder.forField(dermoscopy).asRequired(incomplete).bind(ProfileDraft::getYearsDermoscopy,
                ProfileDraft::setYearsDermoscopy);
        binder.forField(certified).bind(ProfileDraft::isBoardCertified, ProfileDraft::setBoardCertified);
        binder.forField(title).asRequired(incomplete).bind(ProfileDraft::getTitle, ProfileDraft::setTitle);
        binder.forField(hospital).asRequired(incomplete).bind(ProfileDraft::getHospitalLevel,
                ProfileDraft::setHospitalLevel);
        binder.readBean(profiles.myProfile().map(ProfileDraft::of).orElseGet(ProfileDraft::new));

        Button save = new Button(getTranslation("common.save"), click -> save());
        save.setId("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(years, dermoscopy, title, hospital, certified);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(new H2(getTranslation("reading.profile.heading")), new Paragraph(getTranslation("reading.profile.intro")),
                form, save);
    }

    private void save() {
        ProfileDraft draft = new ProfileDraft();
        if (!binder.writeBeanIfValid(draft)) {
            Notifications.error(getTranslation("reading.profile.error.incomplete"));
            return;
        }
        try {
            profiles.saveMine(draft.toProfile());
            getUI().ifPresent(ui -> ui.navigate(ReaderHomeView.class));
        } catch (ReaderProfileException e) {
            HasValidation field = e.field() == ReaderField.YEARS_DERMATOLOGY ? years : dermoscopy;
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
            Notifications.error(e);
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private IntegerField yearsField(String key, String id) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setMin(0);
        field.setMax(ReaderProfile.MAX_YEARS);
        field.setStepButtonsVisible(true);
        field.setId(id);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reading.profile.heading");
    }

    /** The form's values while they are edited; {@link #toProfile()} makes (and checks) the profile. */
    static final class ProfileDraft {

        private Integer yearsDermatology;
        private Integer yearsDermoscopy;
        private boolean boardCertified;
        private ReaderTitle title;
        private HospitalLevel hospitalLevel;

        static ProfileDraft of(ReaderProfile profile) {
            ProfileDraft draft = new ProfileDraft();
            draft.yearsDermatology = profile.yearsDermatology();
            draft.yearsDermoscopy = profile.yearsDermoscopy();
            draft.boardCertified = profile.boardCertified();
            draft.title = profile.title();
            draft.hospitalLevel = profile.hospitalLevel();
            return draft;
        }

        ReaderProfile toProfile() {
            return new ReaderProfile(yearsDermatology, yearsDermoscopy, boardCertified, title, hospitalLevel);
        }

        Integer getYearsDermatology() {
            return yearsDermatology;
        }

        void setYearsDermatology(Integer yearsDermatology) {
            this.yearsDermatology = yearsDermatology;
        }

        Integer getYearsDermoscopy() {
            return yearsDermoscopy;
        }

        void setYearsDermoscopy(Integer yearsDermoscopy) {
            this.yearsDermoscopy = yearsDermoscopy;
        }

        boolean isBoardCertified() {
            return boardCertified;
        }

        void setBoardCertified(boolean boardCertified) {
            this.boardCertified = boardCertified;
        }

        ReaderTitle getTitle() {
            return title;
        }

        void setTitle(ReaderTitle title) {
            this.title = title;
        }

        HospitalLevel getHospitalLevel() {
            return hospitalLevel;
        }

        void setHospitalLevel(HospitalLevel hospitalLevel) {
            this.hospitalLevel = hospitalLevel;
        }
    }
}
