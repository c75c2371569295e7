package org.dermread.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start settings.
 *
 * @param adminUsername the administrator created when the database has no account
 * @param adminPassword its initial password (environment {@code DERMREAD_BOOTSTRAP_ADMIN_PASSWORD}); when empty a
 *                      random one is generated and logged once. Either way it must be changed at first sign-in.
 */
@ConfigurationProperties("dermread.bootstrap")
public record BootstrapProperties(String adminUsername, String adminPassword) {

    public BootstrapProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername.trim();
    }
}
