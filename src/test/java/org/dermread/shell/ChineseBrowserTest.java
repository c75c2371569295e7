package org.dermread.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.testing.BrowserTest;
import org.dermread.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A browser that prefers Chinese gets Chinese pages without choosing anything. */
class ChineseBrowserTest extends BrowserTest {

    @Override
    protected String browserLanguage() {
        return "zh-CN";
    }

    @Test
    void the_language_follows_the_browser() {
        Account statistician = testAccounts.create("tongji", Role.STATISTICIAN);
        driver.get(url("login"));
        waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("皮肤镜阅片研究");

        signIn(statistician.username(), TestAccounts.PASSWORD);

        waitFor(By.id("statistics-home"));
        assertThat(driver.findElement(By.id("landing-title")).getText()).isEqualTo("结果分析");
        screenshot("statistician-chinese");
    }
}
