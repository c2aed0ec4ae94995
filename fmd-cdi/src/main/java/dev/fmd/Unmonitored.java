package dev.fmd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Excludes a JAX-RS resource class or resource method from monitoring, whatever {@code fmd.auto-bind} says and even
 * when {@link Monitored} is present too.
 * <pre>
 * &#64;GET &#64;Path("health")
 * &#64;Unmonitored
 * public String health() { return "UP"; }
 * </pre>
 *
 * @see Monitored
 */
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Unmonitored {
}
