package org.dermread.shell;

import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.util.VoidAnnotationProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps server push (Atmosphere) from scanning the whole class path at start-up. Its default annotation processor
 * reads every archive entry it meets, the PyTorch native library included (a 440 MB file read into one array), so
 * DermRead could not start in a 512 MB heap (found by {@code HostileUploadTest}, issue 12). Vaadin needs none of
 * Atmosphere's annotations; it sets the same no-op processor when it initialises Atmosphere itself.
 */
@Configuration(proxyBeanMethods = false)
class PushSettings {

    @Bean
    static BeanPostProcessor noAtmosphereClassPathScan() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ServletRegistrationBean<?> registration) {
                    registration.addInitParameter(ApplicationConfig.ANNOTATION_PROCESSOR,
                            VoidAnnotationProcessor.class.getName());
                }
                return bean;
            }
        };
    }
}
