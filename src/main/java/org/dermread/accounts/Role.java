package org.dermread.accounts;

/** What a person may do in DermRead. A person may hold several roles. */
public enum Role {
    ADMIN,
    COORDINATOR,
    READER,
    STATISTICIAN;

    /** The Spring Security authority for this role ({@code ROLE_} prefix). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Names usable in {@code @RolesAllowed}; kept here so views and services spell them one way. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String COORDINATOR = "COORDINATOR";
        public static final String READER = "READER";
        public static final String STATISTICIAN = "STATISTICIAN";

        private Names() {
        }
    }
}
