package org.dermread.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.dermread.Application;
import org.dermread.accounts.AccountService;
import org.dermread.accounts.CreatedAccount;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The README's default: the app starts its own PostgreSQL, and a restart keeps what was saved. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void an_account_created_before_a_restart_can_sign_in_after_it() throws Exception {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(DatabaseMode.class)).isEqualTo(DatabaseMode.EMBEDDED);
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            assertThat(Files.readString(dataDir.resolve("DEMO-ACCOUNTS.txt"))).contains("demo-reader");
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new UsernamePasswordAuthenticationToken(
                    "setup", null, Set.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            SecurityContextHolder.setContext(context);
            CreatedAccount created = first.getBean(AccountService.class)
                    .create(new NewAccount("kept.reader", "Kept Reader", null, Set.of(Role.READER)));
            password = created.oneTimePassword();
            SecurityContextHolder.clearContext();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("the embedded server stopped with the application").isFalse();

        try (ConfigurableApplicationContext second = start()) {
            DaoAuthenticationProvider login = new DaoAuthenticationProvider(second.getBean(UserDetailsService.class));
            login.setPasswordEncoder(second.getBean(PasswordEncoder.class));

            Authentication signedIn = login.authenticate(
                    new UsernamePasswordAuthenticationToken("kept.reader", password));

            assertThat(signedIn.isAuthenticated()).isTrue();
            assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_READER");
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplicationBuilder(Application.class).build();
        return application.run(
                "--server.port=0",
                "--dermread.database.embedded.data-dir=" + dataDir.resolve("postgres"),
                "--dermread.demo.credentials-file=" + dataDir.resolve("DEMO-ACCOUNTS.txt"),
                "--logging.file.name=" + dataDir.resolve("logs/dermread.log"),
                "--vaadin.launch-browser=false", "--demo");
    }
}
