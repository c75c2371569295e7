package org.dermread.accounts;

/**
 * Kept with a signed-in session: where the person signed in from, and the account's security version at that time.
 * A request whose version is no longer the account's (roles changed, account disabled, password reset or changed)
 * is signed out; see {@link SessionValidity}.
 */
public record SignInDetails(String remoteAddress, AccountId account, int securityVersion) {

    SignInDetails withVersion(int version) {
        return new SignInDetails(remoteAddress, account, version);
    }
}
