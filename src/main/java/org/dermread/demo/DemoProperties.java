package org.dermread.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode gives a newcomer something to look at. It is never on by itself: a deployment that nobody asked to be a
 * demo must not get accounts with a shared password.
 *
 * @param mode            {@code off} (default) or {@code on}; the command-line flag {@code --demo} and the
 *                        development run command ({@code mvn}) turn it on
 * @param credentialsFile where the demo accounts' password is written (it is never logged)
 */
@ConfigurationProperties("dermread.demo")
public record DemoProperties(@DefaultValue("off") Mode mode,
        @DefaultValue("./data/DEMO-ACCOUNTS.txt") Path credentialsFile) {

    public enum Mode { ON, OFF }
}
