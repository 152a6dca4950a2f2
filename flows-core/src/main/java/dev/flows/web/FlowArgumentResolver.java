package dev.flows.web;

import dev.flows.definition.FlowState;
import dev.flows.engine.Task;
import dev.flows.state.TaskState;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/**
 * Resolves the flow arguments of handler methods: {@link Task}, {@link TaskState} and
 * {@link FlowState @FlowState} values.
 */
final class FlowArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return Task.class.equals(type) || TaskState.class.equals(type) || FlowRequest.class.equals(type)
				|| parameter.hasParameterAnnotation(FlowState.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		FlowRequest request = (FlowRequest) webRequest.getAttribute(FlowRequest.ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (request == null) {
			throw new IllegalStateException("No flow task for " + parameter.getExecutable()
					+ "; flow arguments are only available to @OnGet and @OnPost methods of actions");
		}
		Class<?> type = parameter.getParameterType();
		if (FlowRequest.class.equals(type)) {
			return request;
		}
		if (Task.class.equals(type)) {
			return request.task();
		}
		if (TaskState.class.equals(type)) {
			return request.task().state();
		}
		FlowState annotation = parameter.getParameterAnnotation(FlowState.class);
		Object value = request.task().state().get(annotation.value(), type);
		if (value == null && annotation.required()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"This step needs '" + annotation.value() + "', which the task does not have");
		}
		return value;
	}

}
