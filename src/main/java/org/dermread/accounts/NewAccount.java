package org.dermread.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** What is needed to create an account; validated on construction. */
public record NewAccount(String username, String displayName, String email, Set<Role> roles) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public NewAccount {
        username = username == null ? "" : username.trim();
        displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
        email = email == null || email.isBlank() ? null : email.trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException("account.error.username-format", username);
        }
        if (displayName.length() > 200) {
            throw new AccountException("account.error.name-too-long");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new AccountException("account.error.email-format", email);
        }
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("account.error.no-role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }
}
