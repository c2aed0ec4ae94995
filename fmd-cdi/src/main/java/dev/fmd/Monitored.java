package dev.fmd;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource class or resource method as monitored by fmd.
 * <p>
 * With the default {@code fmd.auto-bind=true} every resource method is monitored and this annotation is not needed.
 * With {@code fmd.auto-bind=false} only the classes and methods that carry it are monitored:
 * <pre>
 * &#64;Path("orders")
 * &#64;Monitored
 * public class OrderResource { ... }
 * </pre>
 * {@link Unmonitored} always wins over this annotation.
 *
 * @see Unmonitored
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Monitored {

    /** The literal the extension adds to resource methods it binds automatically. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Monitored> implements Monitored {
        private static final long serialVersionUID = 1L;
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();
    }
}
