package dev.flows.web;

import java.util.List;

import dev.flows.definition.FlowState;
import dev.flows.engine.FlowEngine;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Plugs Flows into Spring MVC's handler adapter: the {@code Task}, {@code TaskState} and
 * {@code @FlowState} arguments, the {@code Outcome} return value, and the answers to
 * Flows' exceptions. Register it as a bean next to a {@link FlowHandlerMapping}.
 */
public final class FlowWebMvcConfigurer implements WebMvcConfigurer {

	private final FlowEngine engine;

	private final FlowWebSettings settings;

	private final FlowUrls urls;

	/**
	 * A configurer that applies handlers' {@code Outcome}s and answers Flows' exceptions
	 * (ahead of Spring MVC's own resolvers) with {@code engine}, using the parameter
	 * names and the unknown-task answer of {@code settings}.
	 */
	public FlowWebMvcConfigurer(FlowEngine engine, FlowWebSettings settings) {
		this.engine = engine;
		this.settings = settings;
		this.urls = new FlowUrls(settings.idParam());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new FlowArgumentResolver());
	}

	@Override
	public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
		handlers.add(new OutcomeReturnValueHandler(this.engine, this.urls));
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, new FlowExceptionResolver(this.engine, this.settings, this.urls));
	}

}
