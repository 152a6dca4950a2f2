package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.flows.definition.ActionDefinition;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.StepEntry;
import dev.flows.engine.StepRequest;
import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The web side of {@link FlowEngine#enter}: turns a flow URL into a {@link StepRequest},
 * and the engine's answer into a handler call, a 303, or an error status. The rules
 * themselves (one load, binders and owners, no skipping ahead, stale and duplicate
 * submits, rewinds, preconditions) are the engine's. Adds the {@code flow} model object
 * to rendered pages, and releases a claim the handler left (a redisplayed form, a
 * failure).
 */
final class FlowInterceptor implements HandlerInterceptor {

	private final FlowEngine engine;

	private final TaskBinder binder;

	private final FlowWebSettings settings;

	private final LoginRequiredHandler loginRequiredHandler;

	private final FlowUrls urls;

	private final FlowHtmxSettings htmx;

	/**
	 * @param htmx how to answer requests from htmx, or {@code null} when htmx support is
	 * off
	 */
	FlowInterceptor(FlowEngine engine, TaskBinder binder, FlowWebSettings settings,
			LoginRequiredHandler loginRequiredHandler, FlowUrls urls, FlowHtmxSettings htmx) {
		this.engine = engine;
		this.binder = binder;
		this.settings = settings;
		this.loginRequiredHandler = loginRequiredHandler;
		this.urls = urls;
		this.htmx = htmx;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		FlowRoute route = (FlowRoute) request.getAttribute(FlowRoute.ATTRIBUTE);
		if (this.htmx != null) {
			// The same URL answers a fragment or a whole page: caches must tell them
			// apart.
			response.addHeader(HttpHeaders.VARY, HtmxExchange.REQUEST);
		}
		StepRequest stepRequest = stepRequest(route, request, response);
		StepEntry entry = this.engine.enter(stepRequest);
		if (entry instanceof StepEntry.Proceed proceed) {
			request.setAttribute(FlowRequest.ATTRIBUTE,
					new FlowRequest(route, proceed.task(), request.getUserPrincipal(), stepRequest.binding()));
			return true;
		}
		answer(entry, route, request, response);
		return false;
	}

	/** Answers everything but {@link StepEntry.Proceed}. */
	private void answer(StepEntry entry, FlowRoute route, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (entry instanceof StepEntry.Redirect redirect) {
			SeeOther.send(request, response, this.urls.of(redirect, route.flow()), SeeOther.inPlace(redirect));
		}
		else if (entry instanceof StepEntry.Unknown) {
			if (this.settings.onUnknownTask() != FlowWebSettings.UnknownTaskAction.RESTART) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This task does not exist or has expired");
			}
			SeeOther.send(request, response, this.urls.restart(route.flow()), true);
		}
		else if (entry instanceof StepEntry.LoginRequired) {
			if (HtmxExchange.of(request) != null) {
				// A login page must not land inside the step: load the step whole,
				// and the login handler answers that request as usual.
				SeeOther.send(request, response, pageOf(route), false);
			}
			else {
				this.loginRequiredHandler.handle(request, response);
			}
		}
		else if (entry instanceof StepEntry.Refused refused) {
			HttpStatus status = switch (refused.reason()) {
				case MALFORMED -> HttpStatus.BAD_REQUEST;
				case FORBIDDEN -> HttpStatus.FORBIDDEN;
				case NOT_FOUND -> HttpStatus.NOT_FOUND;
			};
			throw new ResponseStatusException(status, refused.message());
		}
	}

	/** The page a request of {@code route} belongs to. */
	private String pageOf(FlowRoute route) {
		if (route.position() != null) {
			return this.urls.step(route.flow(), route.position(), route.taskId());
		}
		return (route.taskId() != null) ? this.urls.resume(route.flow(), route.taskId())
				: this.urls.entry(route.flow());
	}

	private StepRequest stepRequest(FlowRoute route, HttpServletRequest request, HttpServletResponse response) {
		StepRequest.Kind kind = switch (route.kind()) {
			case ENTRY -> StepRequest.Kind.ENTRY;
			case RESUME -> StepRequest.Kind.RESUME;
			case RENDER -> StepRequest.Kind.RENDER;
			case SUBMIT, SKIP -> StepRequest.Kind.SUBMIT;
			case BACK -> StepRequest.Kind.BACK;
			case CANCEL -> StepRequest.Kind.CANCEL;
			case DONE -> StepRequest.Kind.DONE;
		};
		TaskBinding binding = new TaskBinding() {

			@Override
			public String bind() {
				return FlowInterceptor.this.binder.bind(request, response);
			}

			@Override
			public String prepare() {
				return FlowInterceptor.this.binder.prepare(request, response);
			}

			@Override
			public boolean matches(String stored) {
				return FlowInterceptor.this.binder.matches(request, stored);
			}

		};
		return new StepRequest(route.flow(), kind, route.position(), route.taskId(), submittedVersion(request),
				request.getUserPrincipal(), binding);
	}

	/**
	 * The version the submitted page was rendered at; {@code -1} for one that cannot be a
	 * version.
	 */
	private Long submittedVersion(HttpServletRequest request) {
		String submitted = request.getParameter(this.settings.versionParam());
		if (submitted == null) {
			return null;
		}
		try {
			return Long.parseLong(submitted);
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		FlowRequest flowRequest = (FlowRequest) request.getAttribute(FlowRequest.ATTRIBUTE);
		if (modelAndView == null || flowRequest == null || isRedirect(modelAndView)) {
			return;
		}
		FlowRoute route = flowRequest.route();
		if (route.position() != null) {
			ActionDefinition action = route.action();
			if (handler instanceof HandlerMethod method && method.isVoid() && !action.view().isEmpty()) {
				// Spring applied its URL-based default view name; the step's declared
				// view is meant.
				modelAndView.setViewName(action.view());
			}
		}
		HtmxExchange htmx = HtmxExchange.of(request);
		boolean inPlace = htmx != null && htmx.wantsFragment() && route.position() != null
				&& modelAndView.getViewName() != null;
		modelAndView.addObject(FlowPage.MODEL_ATTRIBUTE, FlowPage.of(flowRequest, this.urls, this.settings,
				(request.getParameter(FlowWebSettings.RESTARTED_PARAM) != null) ? restartedMessage(request) : null,
				inPlace));
		if (inPlace) {
			renderFragment(modelAndView, route.action(), request, response);
		}
	}

	/**
	 * Turns the step's view into its fragment and the out-of-band views, rendered one
	 * after the other with the page's model (its form, errors, and {@code flow}); a form
	 * shown again after a submit into its form fragment alone, when the view has one.
	 */
	private void renderFragment(ModelAndView modelAndView, ActionDefinition action, HttpServletRequest request,
			HttpServletResponse response) {
		String view = modelAndView.getViewName();
		int selector = view.indexOf("::");
		String template = (selector >= 0) ? view.substring(0, selector).trim() : view;
		String fragment = action.fragment().isEmpty() ? this.htmx.fragment() : action.fragment();
		FragmentsRendering.Builder fragments = FragmentsRendering
			.fragment((selector >= 0) ? view : template + " :: " + fragment);
		for (String outOfBand : this.htmx.outOfBand()) {
			fragments.fragment(outOfBand.startsWith("::") ? template + " " + outOfBand : outOfBand);
		}
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			modelAndView.setView(fragments.build());
			return;
		}
		// A form shown again (with its errors) has no URL of its own: the one in the
		// address bar stays, whatever htmx would push for the form.
		response.setHeader(HtmxExchange.PUSH_URL, "false");
		String formFragment = action.formFragment().isEmpty() ? this.htmx.formFragment() : action.formFragment();
		// Nothing but the form changed: the rest of the page stays, and with it what the
		// user was looking at.
		modelAndView.setView(formFragment.isEmpty() ? fragments.build()
				: new HtmxFormRedisplay(template + " :: " + formFragment, fragments.build()));
	}

	private static String restartedMessage(HttpServletRequest request) {
		WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request);
		return (context != null) ? context.getMessage(FlowPage.RESTARTED_MESSAGE_CODE, null,
				FlowPage.DEFAULT_RESTARTED_MESSAGE, RequestContextUtils.getLocale(request))
				: FlowPage.DEFAULT_RESTARTED_MESSAGE;
	}

	private static boolean isRedirect(ModelAndView modelAndView) {
		return (modelAndView.getView() instanceof SmartView smart && smart.isRedirectView())
				|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"));
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(FlowRequest.ATTRIBUTE) instanceof FlowRequest flowRequest
				&& flowRequest.task() != null) {
			// A handler that answered with a view of its own, or failed: the step decided
			// nothing.
			releaseQuietly(flowRequest.task());
		}
	}

	private void releaseQuietly(Task task) {
		try {
			this.engine.release(task);
		}
		catch (RuntimeException failure) {
			// The claim lapses by itself; the answer has been given already.
		}
	}

}
