package org.dermread.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** Whether demo mode was asked for: {@code --demo} on the command line or {@code dermread.demo.mode=on}. */
@Component
class DemoMode {

    static final String FLAG = "demo";

    private final boolean on;

    DemoMode(DemoProperties properties, ApplicationArguments arguments) {
        this.on = properties.mode() == DemoProperties.Mode.ON || arguments.containsOption(FLAG);
    }

    boolean on() {
        return on;
    }
}
