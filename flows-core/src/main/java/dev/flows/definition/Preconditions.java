package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards an action or scaffold with custom {@link Precondition}s, checked in order after
 * {@link RequiresLogin} and {@link RequiresState}. Each is a bean if one of its type
 * exists, otherwise it is created with its no-argument constructor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Preconditions {

	/** The precondition types. */
	Class<? extends Precondition>[] value();

}
