package org.dermread.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CreatedAccount;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;

/**
 * Accounts: admins manage everyone; coordinators create readers and reset the passwords of readers of their own
 * studies (the service decides; the page offers only what it allows).
 */
@Route("accounts")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<Account> grid = new Grid<>(Account.class, false);

    public AccountsView(AccountService accounts) {
        this.accounts = accounts;
        setId("accounts-view");
        setSizeFull();

        Button create = new Button(getTranslation("accounts.new"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        add(new HorizontalLayout(new H2(getTranslation("accounts.title")), create));

        grid.addColumn(Account::username).setHeader(getTranslation("accounts.username")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(Account::displayName).setHeader(getTranslation("accounts.name")).setSortable(true);
        grid.addColumn(account -> account.email() == null ? "" : account.email())
                .setHeader(getTranslation("accounts.email"));
        grid.addColumn(account -> account.roles().stream().map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("accounts.roles"));
        grid.addColumn(account -> getTranslation(account.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("accounts.enabled")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(Account account) {
        HorizontalLayout actions = new HorizontalLayout();
        if (accounts.mayResetPassword(account.id())) {
            Button reset = new Button(getTranslation("accounts.reset"), click -> resetPassword(account));
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
            reset.setId("reset-" + account.username());
            actions.add(reset);
        }
        if (CurrentUser.hasRole(Role.ADMIN)) {
            Button toggle = new Button(getTranslation(account.enabled() ? "accounts.disable" : "accounts.enable"),
                    click -> run(() -> accounts.setEnabled(account.id(), !account.enabled())));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button roles = new Button(getTranslation("accounts.editroles"), click -> openRoles(account));
            roles.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(roles, toggle);
        }
        return actions;
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("accounts.new"));
        TextField username = new TextField(getTranslation("accounts.username"));
        username.setId("new-username");
        username.setRequired(true);
        TextField name = new TextField(getTranslation("accounts.name"));
        name.setId("new-name");
        EmailField email = new EmailField(getTranslation("accounts.email"));
        CheckboxGroup<Role> roles = roleChoice();
        roles.setId("new-roles");
        FormLayout form = new FormLayout(username, name, email, roles);
        dialog.add(form);
        Button save = new Button(getTranslation("common.create"), click -> {
            try {
                CreatedAccount created = accounts.create(
                        new NewAccount(username.getValue(), name.getValue(), email.getValue(), roles.getValue()));
                dialog.close();
                refresh();
                showPassword(created.account().username(), created.oneTimePassword());
            } catch (UserFacingException e) {
                Notifications.error(e);
            }
        });
        save.setId("create-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<Role> roleChoice() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("accounts.roles"));
        roles.setItems(Arrays.asList(Role.values()));
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        if (!CurrentUser.hasRole(Role.ADMIN)) {
            roles.setItemEnabledProvider(role -> role == Role.READER);
        }
        return roles;
    }

    private void openRoles(Account account) {
        Dialog dialog = new Dialog(getTranslation("accounts.editroles") + ": " + account.username());
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles()));
        dialog.add(roles);
        Button save = new Button(getTranslation("common.save"), click -> {
            if (run(() -> accounts.setRoles(account.id(), roles.getValue()))) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void resetPassword(Account account) {
        try {
            showPassword(account.username(), accounts.resetPassword(account.id()));
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void showPassword(String username, String password) {
        Dialog dialog = new Dialog(getTranslation("accounts.onetime.title"));
        Span value = new Span(password);
        value.setId("one-time-password");
        value.addClassName("one-time-password");
        dialog.add(new Paragraph(getTranslation("accounts.onetime.text", username)), value);
        Button ok = new Button(getTranslation("common.close"), click -> dialog.close());
        ok.setId("close-password");
        dialog.getFooter().add(ok);
        dialog.open();
    }

    private boolean run(Runnable action) {
        try {
            action.run();
            refresh();
            return true;
        } catch (UserFacingException e) {
            Notifications.error(e);
            return false;
        }
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title");
    }
}
