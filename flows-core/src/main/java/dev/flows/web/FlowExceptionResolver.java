package dev.flows.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.flows.engine.FlowEngine;
import dev.flows.engine.ForbiddenTransitionException;
import dev.flows.engine.InvalidTransitionException;
import dev.flows.engine.StepEntry;
import dev.flows.engine.TaskNotFoundException;
import dev.flows.state.StateTooLargeException;
import dev.flows.state.UnreadableStateException;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskStoreUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.handler.AbstractHandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns Flows' exceptions during a flow request into answers a user can act on: a stored
 * answer that no longer reads (after a redeploy) sends the task back to the step that
 * gave it, an unknown task restarts the flow (or 404), a stale or invalid move goes to
 * where the task is, a vetoed move is 409, oversize state 413, a store that is down 503.
 * Nothing was saved in any of these cases, so the task is as it was. Error statuses go
 * through the servlet container's error handling, so Spring Boot's error page shows them
 * without a stack trace.
 */
final class FlowExceptionResolver extends AbstractHandlerExceptionResolver {

	private final FlowEngine engine;

	private final FlowWebSettings settings;

	private final FlowUrls urls;

	FlowExceptionResolver(FlowEngine engine, FlowWebSettings settings, FlowUrls urls) {
		this.engine = engine;
		this.settings = settings;
		this.urls = urls;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
		// Flows' answers are final: a 303 or an error page must not be cached by the
		// browser.
		setPreventResponseCaching(true);
	}

	/**
	 * Only flow requests: the route is set by {@link FlowHandlerMapping} for its own
	 * URLs.
	 */
	@Override
	protected boolean shouldApplyTo(HttpServletRequest request, Object handler) {
		return request.getAttribute(FlowRoute.ATTRIBUTE) != null || HtmxExchange.of(request) != null;
	}

	@Override
	protected ModelAndView doResolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (HtmxExchange.of(request) != null) {
			// Whatever answers this (an error page, most likely), htmx shows it as the
			// page; htmx's redirects, if that is the answer, take precedence over these.
			HtmxExchange.retargetToBody(response);
		}
		FlowRoute route = (FlowRoute) request.getAttribute(FlowRoute.ATTRIBUTE);
		if (route == null) {
			return null;
		}
		try {
			if (ex instanceof UnreadableStateException unreadable
					&& request.getAttribute(FlowRequest.ATTRIBUTE) instanceof FlowRequest flowRequest
					&& flowRequest.task() != null && flowRequest.task().isPersisted()) {
				// A redeploy changed the type of a stored answer: ask the step that gave
				// it again.
				StepEntry entry = this.engine.recover(flowRequest.task(), unreadable.key(), request.getUserPrincipal());
				return (entry instanceof StepEntry.Redirect redirect)
						? new ModelAndView(SeeOther.of(this.urls, redirect, route.flow()))
						: unknownTask(route, response);
			}
			if (ex instanceof TaskNotFoundException || ex instanceof CorruptTaskException) {
				if (ex instanceof CorruptTaskException) {
					logger.warn("Restarting " + route.flow() + ": " + ex.getMessage());
				}
				return unknownTask(route, response);
			}
			if (ex instanceof StaleTaskException || ex instanceof InvalidTransitionException) {
				// The resume URL is no page of its own (it redirects on): htmx loads
				// it whole, so that the address bar ends at the step.
				return route.hasTaskId() ? redirect(this.urls.resume(route.flow(), route.taskId()), false)
						: redirect(this.urls.entry(route.flow()), true);
			}
			if (ex instanceof ForbiddenTransitionException forbidden) {
				return error(response, HttpStatus.CONFLICT, forbidden.reason());
			}
			if (ex instanceof StateTooLargeException) {
				logger.warn(ex.getMessage());
				return error(response, HttpStatus.CONTENT_TOO_LARGE, "This step's data is too large to keep");
			}
			if (ex instanceof TaskStoreUnavailableException) {
				logger.error("Task store unavailable", ex);
				return error(response, HttpStatus.SERVICE_UNAVAILABLE,
						"Your progress cannot be reached right now; please try again in a moment");
			}
		}
		catch (IOException failure) {
			logger.debug("Could not send the error response", failure);
			return new ModelAndView();
		}
		return null;
	}

	private ModelAndView unknownTask(FlowRoute route, HttpServletResponse response) throws IOException {
		return (this.settings.onUnknownTask() == FlowWebSettings.UnknownTaskAction.RESTART)
				? redirect(this.urls.restart(route.flow()), true)
				: error(response, HttpStatus.NOT_FOUND, "This task does not exist or has expired");
	}

	private static ModelAndView redirect(String localPath, boolean inPlace) {
		return new ModelAndView(new SeeOther(localPath, inPlace));
	}

	private static ModelAndView error(HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		response.sendError(status.value(), message);
		return new ModelAndView();
	}

}
