package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler method parameter to a value of the task state, read into the
 * parameter's type: {@code @FlowState("item") Item item}. A missing value is
 * {@code null}, or a 404 when {@link #required()}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FlowState {

	/** The state key. */
	String value();

	/** Whether a missing value is an error (404) rather than {@code null}. */
	boolean required() default false;

}
