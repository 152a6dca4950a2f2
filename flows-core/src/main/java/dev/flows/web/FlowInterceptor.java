package dev.flows.web;

import java.security.Principal;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowContext;
import dev.flows.definition.Position;
import dev.flows.definition.PreconditionResult;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.StepAccess;
import dev.flows.engine.Task;
import dev.flows.engine.TaskIds;
import dev.flows.engine.TaskNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/**
 * Loads and checks the task before a flow handler runs: one load per request, the binder check
 * (a foreign task looks unknown), no skipping ahead, stale and repeated POSTs turned away, history
 * POSTs rewound, preconditions. Adds the {@code flow} model object to rendered pages.
 */
final class FlowInterceptor implements HandlerInterceptor {

	private static final String LOCK_ATTRIBUTE = FlowInterceptor.class.getName() + ".LOCK";

	private final FlowEngine engine;

	private final TaskBinder binder;

	private final FlowWebSettings settings;

	private final LoginRequiredHandler loginRequiredHandler;

	private final FlowUrls urls;

	private final TaskLocks locks = new TaskLocks(256);

	FlowInterceptor(FlowEngine engine, TaskBinder binder, FlowWebSettings settings,
			LoginRequiredHandler loginRequiredHandler, FlowUrls urls) {
		this.engine = engine;
		this.binder = binder;
		this.settings = settings;
		this.loginRequiredHandler = loginRequiredHandler;
		this.urls = urls;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		FlowRoute route = (FlowRoute) request.getAttribute(FlowRoute.ATTRIBUTE);
		boolean proceed = false;
		try {
			proceed = prepare(route, request, response);
			return proceed;
		}
		finally {
			if (!proceed) {
				releaseLock(request);
			}
		}
	}

	private boolean prepare(FlowRoute route, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Principal principal = request.getUserPrincipal();
		return switch (route.kind()) {
			case ENTRY -> serve(route, this.engine.newTask(route.flow(), null, principal), request, response);
			case RESUME, DONE -> {
				Task task = loadBound(route, request);
				if (route.kind() == FlowRoute.Kind.DONE && !task.isCompleted()) {
					yield redirect(request, response, this.urls.step(task.flow(), task.position(), task.id()));
				}
				yield proceed(route, task, request);
			}
			case RENDER -> render(route, request, response, principal);
			case SUBMIT, SKIP -> submit(route, request, response, principal);
			case BACK -> {
				if (!route.hasTaskId()) {
					yield redirect(request, response, this.urls.entry(route.flow()));
				}
				Task task = lockAndLoad(route, request);
				yield isCurrentVersion(task, request) && !task.isCompleted() ? proceed(route, task, request)
						: redirect(request, response, this.urls.whereTaskIs(task));
			}
			case CANCEL -> {
				if (!route.hasTaskId()) {
					yield proceed(route, null, request);
				}
				Task task = lockAndLoad(route, request);
				yield !task.isCompleted() ? proceed(route, task, request)
						: redirect(request, response, this.urls.whereTaskIs(task));
			}
		};
	}

	private boolean render(FlowRoute route, HttpServletRequest request, HttpServletResponse response,
			Principal principal) throws Exception {
		if (!route.hasTaskId()) {
			Task fresh = this.engine.newTask(route.flow(), null, principal);
			return route.position().equals(fresh.position()) ? serve(route, fresh, request, response)
					: redirect(request, response, this.urls.entry(route.flow()));
		}
		Task task = loadBound(route, request);
		StepAccess access = this.engine.access(task, route.position());
		if (access != StepAccess.CURRENT && access != StepAccess.IN_HISTORY) {
			return redirect(request, response, this.urls.whereTaskIs(task));
		}
		this.engine.touchIfDue(task);
		return serve(route, task, request, response);
	}

	private boolean submit(FlowRoute route, HttpServletRequest request, HttpServletResponse response,
			Principal principal) throws Exception {
		if (!route.hasTaskId()) {
			Position entry = this.engine.entryPosition(route.flow(), principal);
			if (!route.position().equals(entry)) {
				return redirect(request, response, this.urls.entry(route.flow()));
			}
			Task task = this.engine.newTask(route.flow(), this.binder.bind(request, response), principal);
			return serve(route, task, request, response);
		}
		Task task = lockAndLoad(route, request);
		if (!isCurrentVersion(task, request)) {
			// A double click or an old tab: the step was processed already, so never run it again.
			return redirect(request, response, this.urls.whereTaskIs(task));
		}
		StepAccess access = this.engine.access(task, route.position());
		if (access == StepAccess.IN_HISTORY) {
			this.engine.rewind(task, route.position(), principal);
		}
		else if (access != StepAccess.CURRENT) {
			return redirect(request, response, this.urls.whereTaskIs(task));
		}
		return serve(route, task, request, response);
	}

	/** Checks the preconditions of the step, then lets the handler run. */
	private boolean serve(FlowRoute route, Task task, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		FlowContext context = this.engine.context(task, request.getUserPrincipal());
		PreconditionResult result = this.engine.checkPreconditions(context, route.position());
		switch (result.kind()) {
			case PASS, SKIP -> {
				return proceed(route, task, request);
			}
			case REDIRECT -> {
				return redirect(request, response, redirectTarget(task, result.target()));
			}
			case LOGIN_REQUIRED -> {
				this.loginRequiredHandler.handle(request, response);
				return false;
			}
			case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN, result.message());
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, result.message());
		}
	}

	/** The step a precondition names: where the task has been, else the task's current step. */
	private String redirectTarget(Task task, Class<?> target) {
		if (!task.isPersisted()) {
			return this.urls.entry(task.flow());
		}
		for (Position position : task.flow().positionsOf(target)) {
			StepAccess access = this.engine.access(task, position);
			if (access == StepAccess.CURRENT || access == StepAccess.IN_HISTORY) {
				return this.urls.step(task.flow(), position, task.id());
			}
		}
		return this.urls.whereTaskIs(task);
	}

	private boolean proceed(FlowRoute route, Task task, HttpServletRequest request) {
		request.setAttribute(FlowRequest.ATTRIBUTE, new FlowRequest(route, task, request.getUserPrincipal()));
		return true;
	}

	private Task lockAndLoad(FlowRoute route, HttpServletRequest request) {
		requireWellFormed(route.taskId());
		ReentrantLock lock = this.locks.forTask(route.taskId());
		lock.lock();
		request.setAttribute(LOCK_ATTRIBUTE, lock);
		return loadBound(route, request);
	}

	/** Loads the task; a task of another flow or another user is reported exactly like a missing one. */
	private Task loadBound(FlowRoute route, HttpServletRequest request) {
		requireWellFormed(route.taskId());
		Task task = this.engine.load(route.taskId());
		if (!task.flow().id().equals(route.flow().id()) || !this.binder.matches(request, task.binding())) {
			throw new TaskNotFoundException("No task has the id given");
		}
		return task;
	}

	private static void requireWellFormed(String taskId) {
		if (!TaskIds.isWellFormed(taskId)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The task id is malformed");
		}
	}

	private boolean isCurrentVersion(Task task, HttpServletRequest request) {
		String submitted = request.getParameter(this.settings.versionParam());
		return submitted != null && submitted.equals(Long.toString(task.version()));
	}


	private static boolean redirect(HttpServletRequest request, HttpServletResponse response, String localPath) {
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", response.encodeRedirectURL(request.getContextPath() + localPath));
		return false;
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
				// Spring applied its URL-based default view name; the step's declared view is meant.
				modelAndView.setViewName(action.view());
			}
		}
		modelAndView.addObject(FlowPage.MODEL_ATTRIBUTE,
				FlowPage.of(flowRequest, this.urls, this.settings, request.getParameter(FlowWebSettings.RESTARTED_PARAM) != null));
	}

	private static boolean isRedirect(ModelAndView modelAndView) {
		return (modelAndView.getView() instanceof SmartView smart && smart.isRedirectView())
				|| (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"));
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		releaseLock(request);
	}

	private static void releaseLock(HttpServletRequest request) {
		if (request.getAttribute(LOCK_ATTRIBUTE) instanceof ReentrantLock lock) {
			request.removeAttribute(LOCK_ATTRIBUTE);
			if (lock.isHeldByCurrentThread()) {
				lock.unlock();
			}
		}
	}

}
