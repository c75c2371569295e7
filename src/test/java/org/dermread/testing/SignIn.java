package org.dermread.testing;

import org.dermread.accounts.Account;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs an account in on the current thread, for service-level tests. */
public final class SignIn {

    private SignIn() {
    }

    public static void as(Account account) {
        var authorities = account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(account.username(), null, authorities));
        SecurityContextHolder.setContext(context);
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
