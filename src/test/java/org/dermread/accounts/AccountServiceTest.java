package org.dermread.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@DermReadTest
class AccountServiceTest {

    @Autowired
    AccountService service;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_first_start_created_an_admin_who_must_change_the_password() {
        var admin = userDetails.loadUserByUsername("admin");
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(encoder.matches("Initial-Admin-Password-1", admin.getPassword())).isTrue();
        signIn(testAccounts.create("boss", Role.ADMIN));
        assertThat(service.list()).filteredOn(account -> account.username().equals("admin"))
                .singleElement().extracting(Account::mustChangePassword).isEqualTo(true);
    }

    @Test
    void an_admin_creates_an_account_whose_one_time_password_works_and_must_be_changed() {
        signIn(testAccounts.create("admin", Role.ADMIN));

        CreatedAccount created = service.create(
                new NewAccount("dr.wang", "Dr Wang", "wang@example.org", EnumSet.of(Role.READER, Role.STATISTICIAN)));

        assertThat(created.account().roles()).containsExactlyInAnyOrder(Role.READER, Role.STATISTICIAN);
        assertThat(created.account().mustChangePassword()).isTrue();
        assertThat(encoder.matches(created.oneTimePassword(),
                userDetails.loadUserByUsername("dr.wang").getPassword())).isTrue();
        assertThat(created.oneTimePassword()).hasSize(16);
    }

    @Test
    void user_names_are_unique_regardless_of_case() {
        signIn(testAccounts.create("admin", Role.ADMIN));
        service.create(new NewAccount("Dr.Li", null, null, Set.of(Role.READER)));

        assertThatThrownBy(() -> service.create(new NewAccount("dr.li", null, null, Set.of(Role.READER))))
                .isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.username-taken");
    }

    @Test
    void a_coordinator_may_create_readers_but_not_administrators() {
        signIn(testAccounts.create("coord", Role.COORDINATOR));

        assertThat(service.create(new NewAccount("reader-by-coord", null, null, Set.of(Role.READER))).account())
                .isNotNull();
        assertThatThrownBy(() -> service.create(new NewAccount("evil-admin", null, null, Set.of(Role.ADMIN))))
                .isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> service.create(new NewAccount("evil-coord", null, null, Set.of(Role.COORDINATOR))))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void a_coordinator_may_not_reset_an_administrators_password() {
        Account admin = testAccounts.create("victim", Role.ADMIN);
        signIn(testAccounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.resetPassword(admin.id())).isInstanceOf(AccountException.class);
    }

    @Test
    void readers_and_statisticians_may_not_list_or_create_accounts() {
        signIn(testAccounts.create("reader", Role.READER, Role.STATISTICIAN));

        assertThatThrownBy(() -> service.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(new NewAccount("x-reader", null, null, Set.of(Role.READER))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_reset_password_replaces_the_old_one_and_forces_a_change() {
        Account reader = testAccounts.create("reader", Role.READER);
        signIn(testAccounts.create("admin", Role.ADMIN));

        String password = service.resetPassword(reader.id());

        String hash = userDetails.loadUserByUsername(reader.username()).getPassword();
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(encoder.matches(TestAccounts.PASSWORD, hash)).isFalse();
        signIn(reader);
        assertThat(service.currentAccount().mustChangePassword()).isTrue();
    }

    @Test
    void users_change_their_own_password_only_with_the_current_one_and_within_the_policy() {
        Account reader = testAccounts.create("reader", true, Role.READER);
        signIn(reader);

        assertThatThrownBy(() -> service.changeOwnPassword("wrong", "Another-Good-Pass-1"))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.current-wrong");
        assertThatThrownBy(() -> service.changeOwnPassword(TestAccounts.PASSWORD, "short"))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.too-short");
        assertThatThrownBy(() -> service.changeOwnPassword(TestAccounts.PASSWORD, "xx" + reader.username() + "xx"))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.contains-username");

        service.changeOwnPassword(TestAccounts.PASSWORD, "Another-Good-Pass-1");

        assertThat(service.currentAccount().mustChangePassword()).isFalse();
        assertThat(encoder.matches("Another-Good-Pass-1",
                userDetails.loadUserByUsername(reader.username()).getPassword())).isTrue();
    }

    @Test
    void an_admin_cannot_lock_themselves_out() {
        Account admin = testAccounts.create("admin", Role.ADMIN);
        signIn(admin);

        assertThatThrownBy(() -> service.setEnabled(admin.id(), false)).isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> service.setRoles(admin.id(), Set.of(Role.READER)))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void a_disabled_account_cannot_sign_in() {
        Account reader = testAccounts.create("reader", Role.READER);
        signIn(testAccounts.create("admin", Role.ADMIN));

        service.setEnabled(reader.id(), false);

        assertThat(userDetails.loadUserByUsername(reader.username()).isEnabled()).isFalse();
    }

    private static void signIn(Account account) {
        SignIn.as(account);
    }
}
