package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards an action or scaffold: the task state must hold every key listed. Otherwise the
 * user is sent to {@link #otherwise()}, or gets a 404 when none is named.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresState {

	/** The state keys that must be present. */
	String[] value();

	/**
	 * The action that sets them, where the user is sent if one is missing;
	 * {@code void.class} for a 404.
	 */
	Class<?> otherwise() default void.class;

}
