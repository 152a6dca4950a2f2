package dev.flows.web;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.flows.definition.FlowDefinition;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;
import dev.flows.graph.FlowGraph;
import dev.flows.graph.GraphFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Answers {@code GET {flow}/.flowgraph}: the flow's graph as SVG, or as DOT or Mermaid
 * text ({@code ?format=}). With the task id parameter, the task's current step and path
 * are marked, if the task is one this request may see by the rules of every flow URL; any
 * other id (malformed, unknown, expired, another user's) is answered 404 alike, so an id
 * reveals nothing. Reads only: no task is created, adopted, touched or claimed.
 */
final class FlowGraphHandler {

	/** The last path segment of a flow's graph; no step name can start with a dot. */
	static final String PATH = ".flowgraph";

	static final String FORMAT_PARAM = "format";

	/** The flow the mapping found, set on the request. */
	static final String FLOW_ATTRIBUTE = FlowGraphHandler.class.getName() + ".flow";

	/**
	 * The image is text from the application's own definitions, escaped; still, an SVG
	 * opened on its own is a document, so it gets no right to run or load anything.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private final FlowEngine engine;

	private final TaskBinder binder;

	private final FlowWebSettings settings;

	private final HandlerMethod handlerMethod;

	FlowGraphHandler(FlowEngine engine, TaskBinder binder, FlowWebSettings settings) {
		this.engine = engine;
		this.binder = binder;
		this.settings = settings;
		Method method = ReflectionUtils.findMethod(FlowGraphHandler.class, "graph", HttpServletRequest.class);
		ReflectionUtils.makeAccessible(method);
		this.handlerMethod = new HandlerMethod(this, method);
	}

	HandlerMethod handlerMethod() {
		return this.handlerMethod;
	}

	ResponseEntity<String> graph(HttpServletRequest request) {
		FlowDefinition flow = (FlowDefinition) request.getAttribute(FLOW_ATTRIBUTE);
		String formatName = request.getParameter(FORMAT_PARAM);
		Optional<GraphFormat> format = (formatName != null) ? GraphFormat.named(formatName)
				: Optional.of(GraphFormat.SVG);
		if (format.isEmpty()) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body("Unknown graph format; use format=svg, format=dot or format=mermaid\n");
		}
		String taskId = request.getParameter(this.settings.idParam());
		FlowGraph graph;
		if (taskId != null) {
			Optional<Task> task = this.engine.peek(flow, taskId, request.getUserPrincipal(), readOnly(request));
			if (task.isEmpty()) {
				return ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
					.body("This task does not exist or has expired\n");
			}
			graph = FlowGraph.of(flow, task.get().position(), task.get().history());
		}
		else {
			graph = FlowGraph.of(flow);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.parseMediaType(format.get().mediaType()), StandardCharsets.UTF_8))
			// A task's path is that user's business: kept out of shared caches.
			.cacheControl((taskId != null) ? CacheControl.noStore() : CacheControl.noCache())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.body(graph.render(format.get()));
	}

	/** The binder, asked only whether the request holds a task's binding. */
	private TaskBinding readOnly(HttpServletRequest request) {
		return new TaskBinding() {

			@Override
			public String bind() {
				throw new UnsupportedOperationException("A graph request binds no task");
			}

			@Override
			public String prepare() {
				throw new UnsupportedOperationException("A graph request binds no task");
			}

			@Override
			public boolean matches(String binding) {
				return FlowGraphHandler.this.binder.matches(request, binding);
			}

		};
	}

}
