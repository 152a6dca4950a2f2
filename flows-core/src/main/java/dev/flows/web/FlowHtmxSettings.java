package dev.flows.web;

import java.util.List;
import java.util.Objects;

/**
 * How flow pages answer requests from htmx. Handing these settings to a
 * {@link FlowHandlerMapping} switches htmx support on; a request without the
 * {@code HX-Request} header is answered exactly as without them.
 * <p>
 * With htmx support, a request from htmx that names its target element (the
 * {@code HX-Target} header: the target has an id) gets the step's fragment instead of the
 * whole page: {@code view :: fragment} (see {@code @FlowAction(fragment)}), followed by
 * the {@link #outOfBand() out-of-band views}. A form shown again after a submit (with its
 * validation errors) is answered with the {@link #formFragment() form fragment} alone,
 * swapped over the form on the page (the fragment's first element and its id name it), so
 * that nothing else on the page changes. Moves answer {@code HX-Location} (a step,
 * fetched into the same target, its URL pushed) or {@code HX-Redirect} (leaving the flow)
 * instead of 303; errors carry {@code HX-Retarget: body} so that the error page replaces
 * the page.
 *
 * @param fragment the fragment of a step's view that is swapped in place, unless the step
 * names its own ({@code step})
 * @param formFragment the fragment of a step's view that holds its form, unless the step
 * names its own ({@code step-form}); its first element must have an id. A view without it
 * answers a form shown again with the step's fragment and the out-of-band views, as a
 * request for the step does; empty to answer every form shown again that way. The default
 * is no HTML element name, because a Thymeleaf fragment selector such as {@code form}
 * would also select every {@code <form>} of the view.
 * @param outOfBand views rendered after the step's fragment in every fragment answer,
 * with the same model: elements marked {@code hx-swap-oob} (a progress indicator, a
 * header that shows who is signed in) and a {@code <title>}; an entry that starts with
 * {@code ::} is a fragment of the step's own view, for example {@code ":: title"}
 */
public record FlowHtmxSettings(String fragment, String formFragment, List<String> outOfBand) {

	private static final String DEFAULT_FORM_FRAGMENT = "step-form";

	/** Fragment {@code step}, form fragment {@code step-form}, no out-of-band views. */
	public static final FlowHtmxSettings DEFAULTS = new FlowHtmxSettings("step", DEFAULT_FORM_FRAGMENT, List.of());

	/**
	 * Requires a fragment that is not blank and a form fragment, which is trimmed (empty
	 * for none), and keeps an unmodifiable copy of the out-of-band views.
	 * @throws IllegalArgumentException if the fragment is blank
	 */
	public FlowHtmxSettings {
		Objects.requireNonNull(fragment, "fragment");
		Objects.requireNonNull(formFragment, "formFragment");
		if (fragment.isBlank()) {
			throw new IllegalArgumentException("The default fragment must not be blank");
		}
		formFragment = formFragment.trim();
		outOfBand = List.copyOf(outOfBand);
	}

	/**
	 * Settings with the default form fragment, {@code step-form}.
	 * @param fragment the fragment of a step's view that is swapped in place
	 * @param outOfBand views rendered after the step's fragment
	 */
	public FlowHtmxSettings(String fragment, List<String> outOfBand) {
		this(fragment, DEFAULT_FORM_FRAGMENT, outOfBand);
	}

}
