package dev.flows.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.flows.definition.FlowDefinition;
import dev.flows.engine.StepEntry;
import dev.flows.engine.Task;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.SmartView;

/**
 * Flows' one way to send the browser on: 303 See Other to a local path. Unlike
 * {@code response.encodeRedirectURL} (and Spring's {@code RedirectView}, which calls it),
 * it never writes the session id into the URL, where it would leak through logs and
 * Referer headers.
 * <p>
 * An htmx request (with htmx support on) gets htmx's own redirects instead, because htmx
 * would follow a 303 inside its request and never show the new URL: {@code HX-Location}
 * for a page of the flow that swaps in place (htmx fetches it into the same target and
 * pushes its URL, so the address bar, a reload and the Back button all see the step's
 * real URL), {@code HX-Redirect} (a whole page load) for anything else: leaving the flow,
 * its completion, or a URL that is not a page of its own.
 */
final class SeeOther implements SmartView {

	private final String localPath;

	private final boolean inPlace;

	/**
	 * @param localPath a path within the application, without the context path
	 * @param inPlace whether the path is a page of the flow that htmx may swap in place
	 */
	SeeOther(String localPath, boolean inPlace) {
		this.localPath = localPath;
		this.inPlace = inPlace;
	}

	/** To the page the task is at: its current step, or its completion. */
	static SeeOther whereTaskIs(FlowUrls urls, Task task) {
		return new SeeOther(urls.whereTaskIs(task), !task.isCompleted());
	}

	/** To where an engine's redirect leads. */
	static SeeOther of(FlowUrls urls, StepEntry.Redirect redirect, FlowDefinition flow) {
		return new SeeOther(urls.of(redirect, flow), inPlace(redirect));
	}

	/**
	 * Whether the redirect leads to a step of the flow (which htmx may swap in place).
	 */
	static boolean inPlace(StepEntry.Redirect redirect) {
		return switch (redirect.target()) {
			case ENTRY, STEP -> true;
			case TASK -> !redirect.task().isCompleted();
			case CANCELLED -> false;
		};
	}

	/**
	 * Answer 303 to {@code localPath}, a path within the application; an htmx request
	 * gets {@code HX-Location} when {@code inPlace}, else {@code HX-Redirect}.
	 */
	static void send(HttpServletRequest request, HttpServletResponse response, String localPath, boolean inPlace) {
		String location = request.getContextPath() + localPath;
		HtmxExchange htmx = HtmxExchange.of(request);
		if (htmx != null) {
			htmx.redirect(response, location, inPlace);
		}
		else {
			seeOther(response, location);
		}
	}

	/**
	 * Answer 303 to {@code location} as it is (already holding the context path); an htmx
	 * request gets {@code HX-Redirect}, a whole page load.
	 */
	static void sendTo(HttpServletRequest request, HttpServletResponse response, String location) {
		HtmxExchange htmx = HtmxExchange.of(request);
		if (htmx != null) {
			htmx.redirect(response, location, false);
		}
		else {
			seeOther(response, location);
		}
	}

	private static void seeOther(HttpServletResponse response, String location) {
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, location);
	}

	@Override
	public boolean isRedirectView() {
		return true;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		send(request, response, this.localPath, this.inPlace);
	}

	@Override
	public String toString() {
		return "SeeOther[" + this.localPath + "]";
	}

}
