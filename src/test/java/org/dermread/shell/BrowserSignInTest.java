package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestStudies;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class BrowserSignInTest extends BrowserTest {

    @Autowired
    TestStudies studies;

    @Test
    void a_reader_signs_in_in_a_real_browser_and_sees_the_reader_landing_page() {
        Account reader = testAccounts.create("browser-reader", Role.READER);
        studies.giveProfile(reader, 5);

        signIn(reader.username(), TestAccounts.PASSWORD);

        waitFor(By.id("reader-home"));
        assertThat(driver.findElement(By.id("landing-title")).getText()).isEqualTo("My studies");
        assertThat(driver.getCurrentUrl()).endsWith("/reader");
        assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item"))).extracting(e -> e.getText().trim())
                .containsExactly("My studies", "Change password");
        screenshot("reader-landing");
        assertThat(consoleMessages()).as("Vaadin runs under the Content-Security-Policy")
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("Refused to"));
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_login_page_with_an_error() {
        Account reader = testAccounts.create("browser-wrong", Role.READER);

        signIn(reader.username(), "not-the-password");

        waitUpTo(30).until(ExpectedConditions.urlContains("error"));
        assertThat(driver.findElements(By.id("reader-home"))).isEmpty();
    }

    @Test
    void signing_out_returns_to_the_login_page() {
        Account coordinator = testAccounts.create("browser-coord", Role.COORDINATOR);
        signIn(coordinator.username(), TestAccounts.PASSWORD);
        waitFor(By.id("coordinator-home"));

        driver.findElement(By.id("logout")).click();

        waitFor(By.cssSelector("vaadin-login-form"));
        driver.get(url("coordinator"));
        waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(driver.findElements(By.id("coordinator-home"))).isEmpty();
    }
}
