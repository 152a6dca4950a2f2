package dev.flows.web;

import java.lang.reflect.Method;
import java.util.Map;

import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Flows' own handler methods, invoked by Spring MVC like an action's: resume, back,
 * cancel, the completion page, and the default POST of steps without an {@code @OnPost}
 * method. The interceptor has already loaded and checked the task.
 */
final class FlowNavigation {

	private final FlowEngine engine;

	private final FlowUrls urls;

	private final Map<String, HandlerMethod> handlers;

	FlowNavigation(FlowEngine engine, FlowUrls urls) {
		this.engine = engine;
		this.urls = urls;
		this.handlers = Map.of("resume", handlerMethod("resume", FlowRequest.class), "complete",
				handlerMethod("complete"), "back", handlerMethod("back", FlowRequest.class), "cancel",
				handlerMethod("cancel", FlowRequest.class), "done", handlerMethod("done", FlowRequest.class));
	}

	private HandlerMethod handlerMethod(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(FlowNavigation.class, name, parameterTypes);
		ReflectionUtils.makeAccessible(method);
		return new HandlerMethod(this, method);
	}

	HandlerMethod handler(String name) {
		return this.handlers.get(name);
	}

	/**
	 * GET of the flow with a task. The engine answers it with a redirect before any
	 * handler runs; this handler is what the mapping names for it.
	 */
	View resume(FlowRequest request) {
		return SeeOther.whereTaskIs(this.urls, request.task());
	}

	/** POST of a step without an {@code @OnPost} method, or of a Skip button. */
	Outcome complete() {
		return Outcome.complete();
	}

	View back(FlowRequest request) {
		Task task = request.task();
		this.engine.goBack(task, request.principal());
		return SeeOther.whereTaskIs(this.urls, task);
	}

	View cancel(FlowRequest request) {
		Task task = request.task();
		if (task != null) {
			this.engine.cancel(task, request.principal());
		}
		return new SeeOther(request.route().flow().cancelUrl(), false);
	}

	/** The completion page: the flow's view, with the task and its final state. */
	ModelAndView done(FlowRequest request) {
		Task task = request.task();
		if (task.flow().completesWithRedirect()) {
			return new ModelAndView(new SeeOther(task.flow().completionRedirectPath(), false));
		}
		ModelAndView page = new ModelAndView(task.flow().onComplete());
		page.addObject("task", task);
		page.addObject("state", task.state().asMap());
		return page;
	}

}
