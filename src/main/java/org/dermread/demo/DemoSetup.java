package org.dermread.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dermread.accounts.AccountBootstrap;
import org.dermread.accounts.PasswordPolicy;
import org.dermread.studies.DemoStudy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First-start tasks: the initial administrator always; demo accounts and the demo study (the synthetic demo set
 * imported, an 8-class case set, an open study with demo-reader) only when demo mode was asked for ({@code --demo},
 * {@code dermread.demo.mode=on}, or the development run command). There is no demo administrator: a demo
 * account holding the administrator role (made by an older version) is disabled at every start.
 */
@Component
@Order(0)
class DemoSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    private final AccountBootstrap bootstrap;
    private final DemoProperties properties;
    private final DemoMode mode;
    private final DemoStudy demoStudy;

    DemoSetup(AccountBootstrap bootstrap, DemoProperties properties, DemoMode mode, DemoStudy demoStudy) {
        this.bootstrap = bootstrap;
        this.properties = properties;
        this.mode = mode;
        this.demoStudy = demoStudy;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long start = System.nanoTime();
        bootstrap.ensureInitialAdmin();
        List<String> disabled = bootstrap.disableDemoAdministrators();
        if (!disabled.isEmpty()) {
            log.warn("Disabled demo accounts holding the administrator role: {}", disabled);
        }
        long admin = System.nanoTime();
        if (!mode.on()) {
            log.info("Start-up: initial administrator checked in {} ms; demo mode does not apply",
                    millis(start, admin));
            return;
        }
        String password = PasswordPolicy.generate();
        List<String> created = bootstrap.ensureDemoAccounts(password);
        if (!created.isEmpty()) {
            writeCredentials(created, password);
            log.info("Demo mode: created demo accounts {}; their password is in {}", created,
                    properties.credentialsFile().toAbsolutePath().normalize());
        }
        long accounts = System.nanoTime();
        demoStudy.ensure();
        long study = System.nanoTime();
        // Each step's time, so a slow first start can be traced to its step (issue 19).
        log.info("Demo mode: set up in {} ms (initial administrator {} ms, {} demo accounts {} ms, demo study {} ms)",
                millis(start, study), millis(start, admin), created.size(), millis(admin, accounts),
                millis(accounts, study));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private void writeCredentials(List<String> usernames, String password) throws IOException {
        Path file = properties.credentialsFile().toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("""
                DermRead demo accounts (demo mode; synthetic data only).
                Sign in at http://localhost:8080 with one of these user names and the password below.

                """);
        usernames.forEach(username -> text.append("  ").append(username).append('\n'));
        text.append("\nPassword: ").append(password).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("no POSIX permissions on {}", file);
        }
    }
}
