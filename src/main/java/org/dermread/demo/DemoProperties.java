package org.dermread.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode gives a newcomer something to look at.
 *
 * @param mode            {@code auto} (default): on only for the embedded database when it starts empty;
 *                        {@code on}: also on a configured database (explicit request); {@code off}: never
 * @param credentialsFile where the demo accounts' password is written (it is never logged)
 */
@ConfigurationProperties("dermread.demo")
public record DemoProperties(@DefaultValue("auto") Mode mode,
        @DefaultValue("./data/DEMO-ACCOUNTS.txt") Path credentialsFile) {

    public enum Mode { AUTO, ON, OFF }
}
