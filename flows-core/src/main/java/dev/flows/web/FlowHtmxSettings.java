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
 * the {@link #outOfBand() out-of-band views}. Moves answer {@code HX-Location} (a step,
 * fetched into the same target, its URL pushed) or {@code HX-Redirect} (leaving the flow)
 * instead of 303; errors carry {@code HX-Retarget: body} so that the error page replaces
 * the page.
 *
 * @param fragment the fragment of a step's view that is swapped in place, unless the step
 * names its own ({@code step})
 * @param outOfBand views rendered after the step's fragment in every fragment answer,
 * with the same model: elements marked {@code hx-swap-oob} (a progress indicator, a
 * header that shows who is signed in) and a {@code <title>}; an entry that starts with
 * {@code ::} is a fragment of the step's own view, for example {@code ":: title"}
 */
public record FlowHtmxSettings(String fragment, List<String> outOfBand) {

	/** Fragment {@code step}, no out-of-band views. */
	public static final FlowHtmxSettings DEFAULTS = new FlowHtmxSettings("step", List.of());

	public FlowHtmxSettings {
		Objects.requireNonNull(fragment, "fragment");
		if (fragment.isBlank()) {
			throw new IllegalArgumentException("The default fragment must not be blank");
		}
		outOfBand = List.copyOf(outOfBand);
	}

}
