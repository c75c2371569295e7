package org.dermread.accounts;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (demo data, command-line imports) as a named account with given roles, so that it goes
 * through the same secured services as a person would; the previous security context is restored afterwards.
 */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T run(String username, List<Role> roles, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String username, List<Role> roles, Runnable work) {
        run(username, roles, () -> {
            work.run();
            return null;
        });
    }
}
