package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a scaffold: an ordered group of actions and other scaffolds, and the
 * {@link Transition} that decides where the user goes when one of them completes. A
 * scaffold class needs no code and need not be a bean; it can be used in any number of
 * flows and scaffolds.
 *
 * <pre class="code">
 * &#64;Scaffold(children = { LoginOrRegister.class, Register.class, ForgotPassword.class },
 *         transition = ExplicitTransition.class)
 * public class GetUserAccount {
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Scaffold {

	/** The children in order: {@link FlowAction} or {@link Scaffold} classes. */
	Class<?>[] children();

	/**
	 * How the next child is chosen: {@link LinearTransition} (the default),
	 * {@link ExplicitTransition}, or a custom {@link Transition} (a bean if one exists,
	 * otherwise created with its no-argument constructor).
	 */
	Class<? extends Transition> transition() default LinearTransition.class;

	/** The node name used in URLs; defaults to the class name in kebab case. */
	String name() default "";

	/**
	 * A human-readable title, for progress indicators; defaults to the class name split
	 * into words.
	 */
	String title() default "";

}
