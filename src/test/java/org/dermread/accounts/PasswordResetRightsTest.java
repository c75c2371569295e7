package org.dermread.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may reset whose password (issue 12, finding 2): a coordinator only readers of studies they coordinate;
 * statisticians and coordinators only an administrator. The owner learns of every reset: an audit entry and a notice
 * at their next sign-in.
 */
@DermReadTest
class PasswordResetRightsTest {

    private static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    AccountService service;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void a_coordinator_may_not_reset_a_statisticians_password() {
        Account statistician = accounts.create("victim-stat", Role.STATISTICIAN);
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.resetPassword(statistician.id()))
                .isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.reset-admin-only");
        assertThat(encoder.matches(TestAccounts.PASSWORD,
                userDetails.loadUserByUsername(statistician.username()).getPassword())).isTrue();
    }

    @Test
    void a_coordinator_may_not_reset_another_coordinators_password() {
        Account other = accounts.create("other-coord", Role.COORDINATOR);
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.resetPassword(other.id()))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.reset-admin-only");
    }

    @Test
    void a_coordinator_may_not_reset_a_reader_who_holds_another_role_too() {
        Account coordinator = accounts.create("coord", Role.COORDINATOR);
        Account readerAndStatistician = accounts.create("reader-stat", Role.READER, Role.STATISTICIAN);
        TestStudy study = studies.openStudy(coordinator, 4, LABELS, Options.defaults());
        studies.invite(study, readerAndStatistician, 1);
        SignIn.as(coordinator);

        assertThatThrownBy(() -> service.resetPassword(readerAndStatistician.id()))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.reset-admin-only");
    }

    @Test
    void a_coordinator_may_not_reset_a_reader_of_another_coordinators_study() {
        Account otherCoordinator = accounts.create("other-coord", Role.COORDINATOR);
        Account reader = accounts.create("their-reader", Role.READER);
        studies.invite(studies.openStudy(otherCoordinator, 4, LABELS, Options.defaults()), reader, 1);
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.resetPassword(reader.id()))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.reset-not-your-reader");
    }

    @Test
    void a_coordinator_may_not_reset_a_reader_who_is_in_none_of_their_studies() {
        Account reader = accounts.create("lone-reader", Role.READER);
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.resetPassword(reader.id()))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.reset-not-your-reader");
    }

    @Test
    void a_coordinator_resets_a_reader_of_their_study_and_the_reader_is_told_at_the_next_sign_in() {
        Account coordinator = accounts.create("coord", Role.COORDINATOR);
        Account reader = accounts.create("my-reader", Role.READER);
        studies.invite(studies.openStudy(coordinator, 4, LABELS, Options.defaults()), reader, 1);
        SignIn.as(coordinator);

        String password = service.resetPassword(reader.id());

        assertThat(encoder.matches(password, userDetails.loadUserByUsername(reader.username()).getPassword()))
                .isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.password-reset' "
                        + "and actor = :coord and target = :reader")
                .param("coord", coordinator.username()).param("reader", reader.username())
                .query(Integer.class).single()).isEqualTo(1);

        SignIn.as(reader);
        List<AccountNotice> notices = service.myNotices();
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(AccountNotice.Kind.PASSWORD_RESET);
            assertThat(notice.by()).isEqualTo(coordinator.username());
        });
        service.dismissMyNotices();
        assertThat(service.myNotices()).isEmpty();
    }

    @Test
    void a_coordinator_creates_readers_only() {
        SignIn.as(accounts.create("coord", Role.COORDINATOR));

        assertThatThrownBy(() -> service.create(new NewAccount("new-stat-by-coord", null, null,
                Set.of(Role.STATISTICIAN))))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("account.error.coordinator-roles");
    }

    @Test
    void an_administrator_resets_a_statistician_who_is_told_at_the_next_sign_in() {
        Account admin = accounts.create("admin", Role.ADMIN);
        Account statistician = accounts.create("stat", Role.STATISTICIAN);
        SignIn.as(admin);

        service.resetPassword(statistician.id());

        SignIn.as(statistician);
        assertThat(service.myNotices()).singleElement().extracting(AccountNotice::by).isEqualTo(admin.username());
    }
}
