package org.dermread.testing;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each Spring context with Vaadin security installs its own {@link SecurityContextHolderStrategy} as the global one
 * when it starts, while its method security keeps using the one it was built with. With several cached contexts
 * (the mock-web one and the browser tests' real-port one) a test that signs in through {@link SecurityContextHolder}
 * would otherwise write into another context's strategy, depending on which context started last. This puts the
 * test's own context's strategy back when the test instance is prepared (before a per-class {@code @BeforeAll}) and
 * before every test method, so the outcome does not depend on test order.
 */
public class SecurityContextStrategyListener implements TestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        SecurityContextHolderStrategy strategy = testContext.getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique();
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
