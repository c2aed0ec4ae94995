package org.jboss.arquillian.container.test.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Test double with the name and {@code testable} attribute of Arquillian's annotation (recognised by name). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Deployment {
    boolean testable() default true;
}
