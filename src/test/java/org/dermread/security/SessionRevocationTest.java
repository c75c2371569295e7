package org.dermread.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.Role;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Open sessions do not outlive the rights they were opened with (issue 12, finding 4): removing a role, disabling
 * the account, resetting or changing the password ends the account's sessions at their next request, through the
 * real filter chain.
 */
@DermReadTest
@AutoConfigureMockMvc
class SessionRevocationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService service;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void removing_a_role_ends_the_accounts_open_sessions() throws Exception {
        Account person = accounts.create("demoted", Role.STATISTICIAN, Role.READER);
        MockHttpSession session = signIn(person);
        assertSignedIn(session);

        asAdmin(() -> service.setRoles(person.id(), Set.of(Role.READER)));

        assertSignedOut(session);
        assertSignedIn(signIn(person));
    }

    @Test
    void disabling_an_account_ends_its_open_sessions() throws Exception {
        Account person = accounts.create("disabled", Role.READER);
        MockHttpSession session = signIn(person);

        asAdmin(() -> service.setEnabled(person.id(), false));

        assertSignedOut(session);
    }

    @Test
    void resetting_a_password_ends_the_accounts_open_sessions() throws Exception {
        Account person = accounts.create("reset", Role.STATISTICIAN);
        MockHttpSession session = signIn(person);

        asAdmin(() -> service.resetPassword(person.id()));

        assertSignedOut(session);
    }

    @Test
    void changing_ones_own_password_ends_the_other_sessions_and_keeps_this_one() throws Exception {
        Account person = accounts.create("changer", Role.READER);
        MockHttpSession here = signIn(person);
        MockHttpSession elsewhere = signIn(person);

        SecurityContext hereContext = (SecurityContext) here.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(hereContext);
        service.changeOwnPassword(TestAccounts.PASSWORD, "Another-Fresh-Pass-42");

        assertSignedIn(here);
        assertSignedOut(elsewhere);
    }

    @Test
    void an_unchanged_account_keeps_its_session() throws Exception {
        Account person = accounts.create("steady", Role.READER);
        MockHttpSession session = signIn(person);

        asAdmin(() -> service.setEnabled(accounts.create("someone-else", Role.READER).id(), false));

        assertSignedIn(session);
        assertSignedIn(session);
    }

    private MockHttpSession signIn(Account account) throws Exception {
        String address = "10.88.0." + ADDRESSES.incrementAndGet();
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login")
                        .param("username", account.username()).param("password", TestAccounts.PASSWORD)
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        return session;
    }

    private void assertSignedIn(MockHttpSession session) throws Exception {
        mvc.perform(get("/actuator/health").session(session)).andExpect(authenticated());
    }

    private void assertSignedOut(MockHttpSession session) throws Exception {
        mvc.perform(get("/actuator/health").session(session)).andExpect(unauthenticated());
    }

    private void asAdmin(Runnable action) {
        SignIn.as(accounts.create("admin", Role.ADMIN));
        try {
            action.run();
        } finally {
            SignIn.out();
        }
    }
}
