package org.dermread.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CreatedAccount;
import org.dermread.accounts.CurrentUser;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.dermread.common.UserFacingException;
import org.dermread.shell.Notifications;

/**
 * Accounts: admins manage everyone; coordinators create readers and reset the passwords of readers of their own
 * studies (the service decides; the page offers only what it allows). Each account's state shows whether it is
 * disabled, must change its password or has its sign-ins delayed after failed attempts, which may be lifted.
 */
@Route("accounts")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final AccountService accounts;
    private final Grid<Account> grid = new Grid<>(Account.class, false);
    private final TextField search = new TextField();
    private Map<AccountId, Instant> delays = Map.of();

    public AccountsView(AccountService accounts) {
        this.accounts = accounts;
        setId("accounts-view");
        setSizeFull();

        Button create = new Button(getTranslation("accounts.new"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        search.setId("accounts-search");
        search.setPlaceholder(getTranslation("accounts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        HorizontalLayout heading = new HorizontalLayout(new H2(getTranslation("accounts.title")), create, search);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setWrap(true);
        add(heading);

        grid.addColumn(Account::username).setHeader(getTranslation("accounts.username")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(Account::displayName).setHeader(getTranslation("accounts.name")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(account -> account.email() == null ? "" : account.email())
                .setHeader(getTranslation("accounts.email"));
        grid.addColumn(account -> account.roles().stream().map(role -> getTranslation("role." + role.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("accounts.roles"));
        grid.addColumn(this::state).setHeader(getTranslation("accounts.state")).setAutoWidth(true)
                .setSortable(true).setKey("state");
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true)
                .setKey("actions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    /** Disabled, sign-in delayed until ..., must change password, or active; several may hold at once. */
    private String state(Account account) {
        List<String> states = new ArrayList<>();
        if (!account.enabled()) {
            states.add(getTranslation("accounts.state.disabled"));
        }
        Instant until = delays.get(account.id());
        if (until != null) {
            states.add(getTranslation("accounts.state.locked", WHEN.format(until)));
        }
        if (account.mustChangePassword()) {
            states.add(getTranslation("accounts.state.must-change"));
        }
        return states.isEmpty() ? getTranslation("accounts.state.active") : String.join("; ", states);
    }

    private HorizontalLayout actions(Account account) {
        HorizontalLayout actions = new HorizontalLayout();
        if (accounts.mayResetPassword(account.id())) {
            Button reset = new Button(getTranslation("accounts.reset"), click -> confirmReset(account));
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
            reset.setId("reset-" + account.username());
            actions.add(reset);
            if (delays.containsKey(account.id())) {
                Button unlock = new Button(getTranslation("accounts.unlock"), VaadinIcon.UNLOCK.create(),
                        click -> unlock(account));
                unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                unlock.setId("unlock-" + account.username());
                actions.add(unlock);
            }
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

    /** A reset ends the owner's sessions and replaces a password they may still know: asked before it is done. */
    private void confirmReset(Account account) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-reset");
        confirm.setHeader(getTranslation("accounts.reset.confirm.title", account.username()));
        confirm.setText(getTranslation("accounts.reset.confirm.text", account.displayName()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("accounts.reset"));
        confirm.addConfirmListener(event -> resetPassword(account));
        confirm.open();
    }

    private void resetPassword(Account account) {
        try {
            String password = accounts.resetPassword(account.id());
            refresh();
            showPassword(account.username(), password);
        } catch (UserFacingException e) {
            Notifications.error(e);
        }
    }

    private void unlock(Account account) {
        if (run(() -> accounts.unlock(account.id()))) {
            Notifications.success(getTranslation("accounts.unlocked", account.username()));
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
        delays = accounts.signInDelays();
        String wanted = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(accounts.list().stream().filter(account -> wanted.isEmpty()
                || account.username().toLowerCase(Locale.ROOT).contains(wanted)
                || account.displayName().toLowerCase(Locale.ROOT).contains(wanted)).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title");
    }
}
