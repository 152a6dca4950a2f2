package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Declares a flow: the root scaffold of a user journey, mounted at a URL path.
 *
 * <pre class="code">
 * &#64;Flow(path = "/buy", children = { ConfirmItem.class, GetUserAccount.class, ChoosePayment.class,
 *         ConfirmAndPay.class }, cancelUrl = "/", onComplete = "purchase/thanks")
 * public class Purchase {
 * }
 * </pre>
 *
 * The class is a Spring component, so component scanning finds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Flow {

	/** The URL path the flow is mounted at, such as {@code /buy}. */
	String path();

	/**
	 * The flow id; defaults to the class name in kebab case ({@code Purchase} becomes
	 * {@code purchase}).
	 */
	String name() default "";

	/** A human-readable title; defaults to the class name split into words. */
	String title() default "";

	/** The top-level steps in order: {@link FlowAction} or {@link Scaffold} classes. */
	Class<?>[] children();

	/** How the next top-level step is chosen. */
	Class<? extends Transition> transition() default LinearTransition.class;

	/** Where Cancel sends the user: a local path such as {@code /}. */
	String cancelUrl() default "/";

	/**
	 * What the user sees when the flow completes: {@code redirect:/local/path}, or a view
	 * name rendered with the final task state in the model.
	 */
	String onComplete() default "redirect:/";

	/** The bean name; rarely needed. */
	@AliasFor(annotation = Component.class)
	String value() default "";

}
