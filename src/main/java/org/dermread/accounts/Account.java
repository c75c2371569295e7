package org.dermread.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A person who can sign in. Never carries the password hash. */
public record Account(
        AccountId id,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean mustChangePassword,
        boolean enabled,
        Locale locale,
        boolean demo,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id);
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
