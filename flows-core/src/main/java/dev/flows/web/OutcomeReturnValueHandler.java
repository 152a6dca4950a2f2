package dev.flows.web;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;

import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Applies the {@link Outcome} a POST handler returned through
 * {@link FlowEngine#complete}: redisplay renders the step's view with the submitted form
 * and its errors, storing nothing; anything else moves the task, saves it once, and
 * redirects (303, or htmx's own redirect to an htmx request) to the next page.
 */
final class OutcomeReturnValueHandler implements HandlerMethodReturnValueHandler {

	private final FlowEngine engine;

	private final FlowUrls urls;

	OutcomeReturnValueHandler(FlowEngine engine, FlowUrls urls) {
		this.engine = engine;
		this.urls = urls;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return Outcome.class.isAssignableFrom(returnType.getParameterType());
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
			NativeWebRequest webRequest) {
		FlowRequest request = (FlowRequest) webRequest.getAttribute(FlowRequest.ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (request == null) {
			throw new IllegalStateException(
					"An Outcome was returned outside a flow request by " + returnType.getMethod());
		}
		Outcome outcome = (returnValue != null) ? (Outcome) returnValue : Outcome.complete();
		Task task = request.task();
		ActionDefinition action = request.route().action();
		if (outcome.kind() == Outcome.Kind.REDISPLAY) {
			String view = (outcome.view() != null) ? outcome.view() : action.view();
			if (view.isEmpty()) {
				throw new IllegalStateException("Action " + action.type().getName()
						+ " returned Outcome.redisplay() but declares no view; set @FlowAction(view) or use redisplay(view)");
			}
			container.setViewName(view);
		}
		if (action.keepsForm() && (outcome.kind() == Outcome.Kind.COMPLETE || outcome.kind() == Outcome.Kind.GO_TO)) {
			// Kept with the task, so that the step shows these answers when the user
			// comes back to it.
			Object form = container.getModel().get(action.form());
			if (form != null) {
				task.state().put(action.formStateKey(), form);
			}
		}
		// Who the user is now: the handler may just have signed someone in (or out), and
		// the
		// transitions and preconditions of this move, and the task's owner, must be that
		// user.
		this.engine.complete(task, request.route().position(), outcome, webRequest.getUserPrincipal(),
				request.binding());
		if (outcome.kind() == Outcome.Kind.CANCEL) {
			container.setView(new SeeOther(task.flow().cancelUrl(), false));
		}
		else if (outcome.kind() != Outcome.Kind.REDISPLAY) {
			container.setView(SeeOther.whereTaskIs(this.urls, task));
		}
	}

}
