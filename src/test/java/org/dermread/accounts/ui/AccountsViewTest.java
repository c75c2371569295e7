package org.dermread.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountException;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.LoginThrottle;
import org.dermread.accounts.Role;
import org.dermread.audit.AuditEvent;
import org.dermread.audit.AuditLog;
import org.dermread.testing.KaribuTest;
import org.dermread.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounts page as an administrator rescues people: each account's state (active, disabled, must change
 * password, sign-ins delayed until ...), lifting a delay, and a password reset that asks first and lifts the delay.
 * Delays come from the real throttle, counted in the real database.
 */
class AccountsViewTest extends KaribuTest {

    /** Failures of one (name, address) pair that start its delay ({@code LoginThrottle.PAIR_LIMIT}). */
    private static final int PAIR_LIMIT = 5;

    @Autowired
    LoginThrottle throttle;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_state_column_tells_active_disabled_and_must_change_password_apart() {
        Account active = testAccounts.create("active", Role.READER);
        Account fresh = testAccounts.create("fresh", true, Role.READER);
        Account gone = testAccounts.create("gone", Role.READER);
        Account admin = testAccounts.create("admin", Role.ADMIN);
        SignIn.as(admin);
        accounts.setEnabled(gone.id(), false);
        login(admin);

        UI.getCurrent().navigate("accounts");

        assertThat(stateOf(active)).isEqualTo("Active");
        assertThat(stateOf(fresh)).isEqualTo("Must change password");
        assertThat(stateOf(gone)).isEqualTo("Disabled");
        assertThat(actions(active)).doesNotContain("unlock-" + active.username());
    }

    @Test
    void a_reader_delayed_by_failed_sign_ins_shows_until_when_and_an_administrator_unlocks_them() {
        Account reader = testAccounts.create("locked", Role.READER);
        String from = "10.14.0.1";
        failSignIns(reader, from, PAIR_LIMIT);
        assertThat(throttle.verdict(LoginThrottle.keys(reader.username(), from)).allowed()).isFalse();
        Account admin = testAccounts.create("admin", Role.ADMIN);
        login(admin);

        UI.getCurrent().navigate("accounts");
        assertThat(stateOf(reader)).startsWith("Sign-in delayed until 20");

        _click(action(reader, "unlock-"));

        assertThat(stateOf(reader)).isEqualTo("Active");
        assertThat(throttle.verdict(LoginThrottle.keys(reader.username(), from)).allowed()).isTrue();
        assertThat(actions(reader)).doesNotContain("unlock-" + reader.username());
        List<AuditEvent> unlocked = audit.recent("user.unlocked", admin.username(), 10);
        assertThat(unlocked).extracting(AuditEvent::target).containsExactly(reader.username());
    }

    @Test
    void a_password_reset_asks_first_then_sets_a_one_time_password_and_lifts_the_delay() {
        Account reader = testAccounts.create("forgot", Role.READER);
        String from = "10.14.0.2";
        failSignIns(reader, from, PAIR_LIMIT);
        String hashBefore = passwordHash(reader);
        Account admin = testAccounts.create("admin", Role.ADMIN);
        login(admin);
        UI.getCurrent().navigate("accounts");

        _click(action(reader, "reset-"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-reset"));
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(passwordHash(reader)).isEqualTo(hashBefore);
        assertThat(stateOf(reader)).startsWith("Sign-in delayed until");

        _click(action(reader, "reset-"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-reset")));

        assertThat(_get(Span.class, spec -> spec.withId("one-time-password")).getText()).hasSizeGreaterThan(10);
        assertThat(passwordHash(reader)).isNotEqualTo(hashBefore);
        assertThat(stateOf(reader)).isEqualTo("Must change password");
        assertThat(throttle.verdict(LoginThrottle.keys(reader.username(), from)).allowed()).isTrue();
        assertThat(audit.recent("user.password-reset", admin.username(), 10)).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("sign-in delay lifted"));
    }

    @Test
    void unlocking_an_account_without_a_delay_is_refused_with_a_clear_message() {
        Account reader = testAccounts.create("free", Role.READER);
        SignIn.as(testAccounts.create("admin", Role.ADMIN));
        try {
            assertThatThrownBy(() -> accounts.unlock(reader.id())).isInstanceOf(AccountException.class)
                    .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.not-locked");
        } finally {
            SignIn.out();
        }
    }

    private void failSignIns(Account account, String from, int times) {
        LoginThrottle.Keys keys = LoginThrottle.keys(account.username(), from);
        for (int i = 0; i < times; i++) {
            throttle.failed(keys);
        }
        // the first delay is 30 s; a slow machine must not see it end before the page shows it
        jdbc.sql("update signin_throttle set blocked_until = now() + interval '15 minutes' where throttle_key = :k")
                .param("k", keys.pair()).update();
    }

    private String passwordHash(Account account) {
        return jdbc.sql("select password_hash from account where id = :id").param("id", account.id().value())
                .query(String.class).single();
    }

    private String stateOf(Account account) {
        return GridKt._getFormattedRow(grid(), row(account)).get(4);
    }

    /** The ids of the buttons in the account's row. */
    private List<String> actions(Account account) {
        return GridKt._getCellComponent(grid(), row(account), "actions").getChildren()
                .map(button -> button.getId().orElse("")).toList();
    }

    private Button action(Account account, String prefix) {
        return (Button) GridKt._getCellComponent(grid(), row(account), "actions").getChildren()
                .filter(button -> button.getId().orElse("").equals(prefix + account.username())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " button for " + account.username()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Account> grid() {
        return _get(Grid.class);
    }

    private int row(Account account) {
        for (int row = 0; row < GridKt._size(grid()); row++) {
            if (GridKt._get(grid(), row).id().equals(account.id())) {
                return row;
            }
        }
        throw new AssertionError(account.username() + " is not listed");
    }
}
