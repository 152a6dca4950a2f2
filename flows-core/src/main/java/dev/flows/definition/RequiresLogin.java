package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards an action or scaffold: the user must be authenticated. With Spring Security the
 * web layer goes through Security's own entry point (its login page, then back to the
 * same step of the same task); without it, {@code flows.web.login-url} or a 401.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresLogin {

}
