package dev.flows.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.flows.engine.Task;

import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds the task id and version to every form of a flow page (on the entry page, the id
 * the first submit will store the task under), and the id of a stored task to links that
 * lead to the same flow, on top of whatever the processor it wraps adds (Spring
 * Security's CSRF token, for one). Links elsewhere are left alone, so a task id never
 * leaks to other pages.
 */
public final class FlowRequestDataValueProcessor implements RequestDataValueProcessor {

	private final RequestDataValueProcessor delegate;

	private final FlowWebSettings settings;

	/**
	 * @param delegate the processor to compose with, or {@code null}
	 * @param settings the parameter names
	 */
	public FlowRequestDataValueProcessor(RequestDataValueProcessor delegate, FlowWebSettings settings) {
		this.delegate = delegate;
		this.settings = settings;
	}

	/** The processor this one composes with, or {@code null}. */
	public RequestDataValueProcessor getDelegate() {
		return this.delegate;
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String httpMethod) {
		return (this.delegate != null) ? this.delegate.processAction(request, action, httpMethod) : action;
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return (this.delegate != null) ? this.delegate.processFormFieldValue(request, name, value, type) : value;
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (this.delegate != null) {
			Map<String, String> delegated = this.delegate.getExtraHiddenFields(request);
			if (delegated != null) {
				fields.putAll(delegated);
			}
		}
		FlowRequest flowRequest = (FlowRequest) request.getAttribute(FlowRequest.ATTRIBUTE);
		Task task = (flowRequest != null) ? flowRequest.task() : null;
		if (task != null) {
			// Before the first submit the id is one nothing has stored yet: the submit
			// stores the
			// task under it, so a double click of that submit finds the same task.
			fields.put(this.settings.idParam(), task.id());
			if (task.isPersisted()) {
				fields.put(this.settings.versionParam(), Long.toString(task.version()));
			}
		}
		return fields;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		String processed = (this.delegate != null) ? this.delegate.processUrl(request, url) : url;
		Task task = persistedTask(request);
		if (task == null || processed == null) {
			return processed;
		}
		String flowPath = request.getContextPath() + task.flow().path();
		boolean sameFlow = processed.equals(flowPath) || processed.startsWith(flowPath + "/")
				|| processed.startsWith(flowPath + "?");
		if (!sameFlow || processed.contains(this.settings.idParam() + "=")) {
			return processed;
		}
		return UriComponentsBuilder.fromUriString(processed)
			.queryParam(this.settings.idParam(), task.id())
			.build()
			.toUriString();
	}

	private static Task persistedTask(HttpServletRequest request) {
		FlowRequest flowRequest = (FlowRequest) request.getAttribute(FlowRequest.ATTRIBUTE);
		Task task = (flowRequest != null) ? flowRequest.task() : null;
		return (task != null && task.isPersisted()) ? task : null;
	}

}
