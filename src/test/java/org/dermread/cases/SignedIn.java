package org.dermread.cases;

import org.dermread.accounts.Account;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts an account into Spring Security's context, as a signed-in request would, for service tests. */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(Account account) {
        var authorities = account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.username(), null,
                authorities));
        SecurityContextHolder.setContext(context);
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
