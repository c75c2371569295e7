package org.dermread.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;

/** Change one's own password; also where a first sign-in or a reset password is sent before anything else. */
@Route("account/password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public ChangePasswordView(AccountService accounts) {
        setId("change-password-view");
        setMaxWidth("32em");
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId("current-password");
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setId("new-password");
        next.setHelperText(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId("repeat-password");
        for (PasswordField field : new PasswordField[] {current, next, repeat}) {
            field.setWidthFull();
        }
        Button save = new Button(getTranslation("password.change"), click -> {
            if (!next.getValue().equals(repeat.getValue())) {
                Notifications.error(getTranslation("password.error.mismatch"));
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success(getTranslation("password.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("password.title")));
        if (accounts.currentAccount().mustChangePassword()) {
            Paragraph must = new Paragraph(getTranslation("password.must"));
            must.setId("must-change");
            add(must);
        }
        add(current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title");
    }
}
