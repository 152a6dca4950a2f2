package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a Spring bean as an action: one step a user takes. It has one {@link OnGet}
 * method that renders the step and, usually, one {@link OnPost} method that processes the
 * submitted form and returns an {@code Outcome}. Both take the arguments a Spring MVC
 * controller method takes.
 *
 * <pre class="code">
 * &#64;FlowAction(title = "Tell us who you are", targets = { Register.class, ForgotPassword.class })
 * public class LoginOrRegister {
 *
 *     &#64;OnGet
 *     String show(&#64;ModelAttribute("form") LoginForm form) {
 *         return "account/login";
 *     }
 *
 *     &#64;OnPost
 *     Outcome login(&#64;Valid &#64;ModelAttribute("form") LoginForm form, BindingResult result) {
 *         return result.hasErrors() ? Outcome.redisplay() : Outcome.complete();
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface FlowAction {

	/** The node name used in URLs; defaults to the class name in kebab case. */
	String name() default "";

	/**
	 * The step title: page title and progress indicator; defaults to the class name split
	 * into words.
	 */
	String title() default "";

	/**
	 * The step's view. An {@link OnGet} method returning nothing renders it, and
	 * {@code Outcome.redisplay()} re-renders it with the submitted form and its errors.
	 */
	String view() default "";

	/**
	 * The fragment of the step's view that an htmx request swaps in place, in the view
	 * technology's syntax (for Thymeleaf, a {@code th:fragment} name or a markup
	 * selector). Empty (the default): the application's default fragment
	 * ({@code flows.htmx.fragment}, {@code step}). Ignored without htmx support and for
	 * requests that do not come from htmx.
	 */
	String fragment() default "";

	/**
	 * The fragment of the step's view that holds its form, in the view technology's
	 * syntax. When htmx submitted the form and the step shows it again (with its
	 * validation errors), only this fragment is rendered, and htmx swaps it over the
	 * element on the page with the id of the fragment's first element: the heading, the
	 * progress indicator and everything else stay as they are. A view without it is
	 * answered with its whole {@link #fragment() fragment}. Empty (the default): the
	 * application's default form fragment ({@code flows.htmx.form-fragment},
	 * {@code step-form}). Ignored without htmx support and for requests that do not come
	 * from htmx.
	 */
	String formFragment() default "";

	/** The label of the submit button. */
	String submitLabel() default "Continue";

	/** Whether the page offers a Back button (when there is somewhere to go back to). */
	boolean showBack() default true;

	/** Whether the page offers a Cancel button. */
	boolean showCancel() default true;

	/**
	 * Whether a Skip button completes the step without input and without calling the POST
	 * handler.
	 */
	boolean skippable() default false;

	/**
	 * The task state keys this action writes. They are removed when the user goes back or
	 * rewinds to a step before this one, so stale answers never leak into a new path.
	 */
	String[] owns() default {};

	/**
	 * The model attribute that holds this step's form, for example {@code "form"} for a
	 * {@code @ModelAttribute("form")} argument of the {@link OnPost} method. When the
	 * step completes, Flows keeps the submitted form in the task (under
	 * {@link ActionDefinition#formStateKey()}, a key the step owns); when the step is
	 * shown again (the browser's Back, the Back button, a link to an earlier step), its
	 * form starts from what the user answered last time, with no code in the
	 * {@link OnGet} method. Empty (the default): the form starts empty every time.
	 */
	String form() default "";

	/**
	 * The nodes this action may send the user to with {@code Outcome.goTo(...)}:
	 * siblings, or children of an enclosing scaffold. Checked at startup and drawn in the
	 * flow graph.
	 */
	Class<?>[] targets() default {};

	/** The bean name; rarely needed. */
	@AliasFor(annotation = Component.class)
	String value() default "";

}
