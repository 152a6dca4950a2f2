package dev.flows.web;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowDefinitionException;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Maps the URLs of every flow to handler methods: an action's {@code @OnGet} or
 * {@code @OnPost} method, or one of Flows' own (resume, back, cancel, completion page).
 * Spring MVC's {@code RequestMappingHandlerAdapter} then invokes them exactly as it
 * invokes controller methods, with the same argument resolution, binding and validation.
 * <p>
 * Lookup reads only the path, the method and the parameters: loading the task happens
 * once, in the interceptor this mapping adds, however often the mapping is consulted.
 */
public final class FlowHandlerMapping extends AbstractHandlerMapping {

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

	private final FlowEngine engine;

	private final FlowInterceptor interceptor;

	private final FlowWebSettings settings;

	private final FlowNavigation navigation;

	private final FlowGraphHandler graph;

	private boolean graphEnabled;

	private final FlowHtmxSettings htmx;

	private final Map<Class<?>, HandlerMethod> getHandlers = new HashMap<>();

	private final Map<Class<?>, HandlerMethod> postHandlers = new HashMap<>();

	/**
	 * The form type of each action that keeps its form (see {@code @FlowAction(form)}).
	 */
	private final Map<Class<?>, Class<?>> formTypes = new HashMap<>();

	/**
	 * @param engine the engine running the flows
	 * @param binder ties tasks to their users
	 * @param settings parameter names and the answer to unknown tasks
	 * @param loginRequiredHandler answers anonymous users at {@code @RequiresLogin} steps
	 */
	public FlowHandlerMapping(FlowEngine engine, TaskBinder binder, FlowWebSettings settings,
			LoginRequiredHandler loginRequiredHandler) {
		this(engine, binder, settings, loginRequiredHandler, null);
	}

	/**
	 * @param engine the engine running the flows
	 * @param binder ties tasks to their users
	 * @param settings parameter names and the answer to unknown tasks
	 * @param loginRequiredHandler answers anonymous users at {@code @RequiresLogin} steps
	 * @param htmx how to answer requests from htmx, or {@code null} to answer them like
	 * any other
	 */
	public FlowHandlerMapping(FlowEngine engine, TaskBinder binder, FlowWebSettings settings,
			LoginRequiredHandler loginRequiredHandler, FlowHtmxSettings htmx) {
		this.engine = engine;
		this.settings = settings;
		this.htmx = htmx;
		FlowUrls urls = new FlowUrls(settings.idParam());
		this.navigation = new FlowNavigation(engine, urls);
		this.interceptor = new FlowInterceptor(engine, binder, settings, loginRequiredHandler, urls, htmx);
		this.graph = new FlowGraphHandler(engine, binder, settings);
		// Flows own their paths: consulted before controllers and static resources.
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	/**
	 * Whether each flow answers {@code GET {flow path}/.flowgraph} with its graph (SVG,
	 * or DOT or Mermaid with {@code ?format=}); off by default, when that path is unknown
	 * like any other.
	 * @param graphEnabled whether to serve flow graphs
	 */
	public void setGraphEnabled(boolean graphEnabled) {
		this.graphEnabled = graphEnabled;
	}

	/** Whether flow graphs are served (see {@link #setGraphEnabled(boolean)}). */
	public boolean isGraphEnabled() {
		return this.graphEnabled;
	}

	@Override
	protected void initApplicationContext() {
		super.initApplicationContext();
		ApplicationContext context = obtainApplicationContext();
		for (FlowDefinition flow : this.engine.registry().flows()) {
			for (Position position : flow.positions()) {
				flow.action(position).ifPresent((action) -> registerHandlers(context, action));
			}
		}
	}

	private void registerHandlers(ApplicationContext context, ActionDefinition action) {
		if (this.getHandlers.containsKey(action.type())) {
			return;
		}
		String[] names = context.getBeanNamesForType(action.type());
		if (names.length != 1) {
			throw new FlowDefinitionException("Action " + action.type().getName() + " needs exactly one bean, found "
					+ names.length + "; annotate it with @FlowAction and make sure component scanning finds it once");
		}
		Object bean = context.getBean(names[0]);
		Method get = action.getHandler();
		if (get.getReturnType() == void.class && action.view().isEmpty()) {
			throw new FlowDefinitionException("Action " + action.type().getName() + "'s @OnGet method " + get.getName()
					+ " returns nothing and the action declares no view; return a view name or set @FlowAction(view)");
		}
		this.getHandlers.put(action.type(), handlerMethod(bean, get));
		Method post = action.postHandler();
		if (post != null) {
			Class<?> returned = post.getReturnType();
			if (!Outcome.class.equals(returned) && !CharSequence.class.isAssignableFrom(returned)) {
				throw new FlowDefinitionException("Action " + action.type().getName() + "'s @OnPost method "
						+ post.getName() + " returns " + returned.getSimpleName()
						+ "; return an Outcome, or a view name to show the step again");
			}
			this.postHandlers.put(action.type(), handlerMethod(bean, post));
		}
		if (action.keepsForm()) {
			this.formTypes.put(action.type(), formType(action));
		}
	}

	/** The type of the {@code @ModelAttribute} argument named as the action's form. */
	private static Class<?> formType(ActionDefinition action) {
		for (Method method : new Method[] { action.postHandler(), action.getHandler() }) {
			if (method == null) {
				continue;
			}
			for (int i = 0; i < method.getParameterCount(); i++) {
				MethodParameter parameter = new MethodParameter(method, i);
				if (parameter.hasParameterAnnotation(ModelAttribute.class)
						&& ModelFactory.getNameForParameter(parameter).equals(action.form())) {
					return parameter.getParameterType();
				}
			}
		}
		throw new FlowDefinitionException("Action " + action.type().getName() + " keeps its form \"" + action.form()
				+ "\" (@FlowAction(form)), but neither its @OnPost nor its @OnGet method has a @ModelAttribute(\""
				+ action.form() + "\") argument; name the form's model attribute there, or remove form");
	}

	/** The form type of an action that keeps its form, else {@code null}. */
	Class<?> formType(Class<?> actionType) {
		return this.formTypes.get(actionType);
	}

	private static HandlerMethod handlerMethod(Object bean, Method method) {
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new HandlerMethod(bean, invocable);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
		String lookupPath = initLookupPath(request);
		FlowDefinition flow = findFlow(lookupPath);
		if (flow == null) {
			return null;
		}
		if (this.htmx != null) {
			// Before the route: a malformed request from htmx gets its error page too.
			HtmxExchange.mark(request);
		}
		String rest = lookupPath.substring(flow.path().length());
		rest = rest.startsWith("/") ? rest.substring(1) : rest;
		if (this.graphEnabled && rest.equals(FlowGraphHandler.PATH)) {
			requireMethod(request.getMethod(), READ_METHODS.contains(request.getMethod()), "GET");
			request.setAttribute(FlowGraphHandler.FLOW_ATTRIBUTE, flow);
			// Not through the interceptor: the graph reads a task, but never enters a
			// step.
			return new HandlerExecutionChain(this.graph.handlerMethod());
		}
		String taskId = request.getParameter(this.settings.idParam());
		FlowRoute route = route(request, flow, rest, taskId);
		request.setAttribute(FlowRoute.ATTRIBUTE, route);
		return new HandlerExecutionChain(handlerFor(route), this.interceptor);
	}

	private FlowDefinition findFlow(String lookupPath) {
		for (FlowDefinition flow : this.engine.registry().flows()) {
			if (lookupPath.equals(flow.path()) || lookupPath.startsWith(flow.path() + "/")) {
				return flow;
			}
		}
		return null;
	}

	private FlowRoute route(HttpServletRequest request, FlowDefinition flow, String rest, String taskId)
			throws HttpRequestMethodNotSupportedException {
		String method = request.getMethod();
		boolean read = READ_METHODS.contains(method);
		boolean post = "POST".equals(method);
		switch (rest) {
			case "" -> {
				requireMethod(method, read, "GET");
				if (taskId != null) {
					return new FlowRoute(flow, FlowRoute.Kind.RESUME, null, taskId);
				}
				// Pure computation over the definition: which step a new task would start
				// at.
				Position entry = this.engine.entryPosition(flow, request.getUserPrincipal());
				return new FlowRoute(flow, FlowRoute.Kind.ENTRY, entry, null);
			}
			case FlowUrls.BACK -> {
				requireMethod(method, post, "POST");
				return new FlowRoute(flow, FlowRoute.Kind.BACK, null, taskId);
			}
			case FlowUrls.CANCEL -> {
				requireMethod(method, post, "POST");
				return new FlowRoute(flow, FlowRoute.Kind.CANCEL, null, taskId);
			}
			case FlowUrls.DONE -> {
				requireMethod(method, read, "GET");
				return new FlowRoute(flow, FlowRoute.Kind.DONE, null, taskId);
			}
			default -> {
				Position position = Position.parse(rest);
				ActionDefinition action = flow.action(position)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
							"Flow '" + flow.id() + "' has no step '" + rest + "'"));
				if (!read && !post) {
					throw new HttpRequestMethodNotSupportedException(method, Set.of("GET", "HEAD", "POST"));
				}
				if (read) {
					return new FlowRoute(flow, FlowRoute.Kind.RENDER, position, taskId);
				}
				boolean skip = action.skippable() && request.getParameter(FlowWebSettings.SKIP_PARAM) != null;
				return new FlowRoute(flow, skip ? FlowRoute.Kind.SKIP : FlowRoute.Kind.SUBMIT, position, taskId);
			}
		}
	}

	private static void requireMethod(String method, boolean allowed, String supported)
			throws HttpRequestMethodNotSupportedException {
		if (!allowed) {
			throw new HttpRequestMethodNotSupportedException(method,
					"GET".equals(supported) ? Set.of("GET", "HEAD") : Set.of(supported));
		}
	}

	private HandlerMethod handlerFor(FlowRoute route) {
		return switch (route.kind()) {
			case RESUME -> this.navigation.handler("resume");
			case ENTRY, RENDER -> this.getHandlers.get(route.action().type());
			case SUBMIT -> this.postHandlers.getOrDefault(route.action().type(), this.navigation.handler("complete"));
			case SKIP -> this.navigation.handler("complete");
			case BACK -> this.navigation.handler("back");
			case CANCEL -> this.navigation.handler("cancel");
			case DONE -> this.navigation.handler("done");
		};
	}

}
