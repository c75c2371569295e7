package org.dermread.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method (or every method of a service) that is deliberately open to every caller, signed in or
 * not, so it carries no {@code @PreAuthorize}. {@code ArchitectureTest} requires one of the two on every public
 * method of a feature's service; {@link #value()} says why this one needs no check.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyCaller {

    /** Why the method needs no security check. */
    String value();
}
