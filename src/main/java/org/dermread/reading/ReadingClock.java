package org.dermread.reading;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that decides when a washout is over (and what "in the past" means for recorded readings): the system
 * clock, a bean so that tests can set the time.
 */
@Configuration(proxyBeanMethods = false)
class ReadingClock {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
