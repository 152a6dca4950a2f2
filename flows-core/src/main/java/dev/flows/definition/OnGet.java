package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link FlowAction} that renders the step on GET. It takes the
 * arguments of a Spring MVC handler method plus {@code Task}, {@code TaskState} and
 * {@code @FlowState}, and returns a view name (or anything a controller method may
 * return).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnGet {

}
