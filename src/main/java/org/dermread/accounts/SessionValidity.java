package org.dermread.accounts;

import org.dermread.accounts.internal.AccountRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in session still speaks for its account: the account is enabled and its security version is the
 * one the session signed in with. Asked on every request by the security filter chain; the version changes when an
 * administrator changes the roles, disables the account or resets the password, and when the owner changes it.
 */
@Component
public class SessionValidity {

    private final AccountRepository accounts;

    SessionValidity(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** False when the session must end; sessions not made by a password sign-in are left alone. */
    public boolean stillValid(Authentication authentication) {
        if (authentication == null || !(authentication.getDetails() instanceof SignInDetails details)) {
            return true;
        }
        return accounts.sessionState(details.account().value())
                .map(state -> state.enabled() && state.securityVersion() == details.securityVersion())
                .orElse(false);
    }
}
