package dev.flows.autoconfigure;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;

/**
 * Turns a Flows misconfiguration found at startup into Spring Boot's report: a
 * description of what is wrong and the action that fixes it, instead of an exception deep
 * in a stack trace.
 * <p>
 * Ordered first: a {@code flows.*} value rejected while it is bound also reaches Spring
 * Boot's analyzer of binding failures, whose action says no more than "Update your
 * application's configuration". This analyzer reports only its own exception, so it takes
 * nothing else from the others.
 */
final class FlowsFailureAnalyzer extends AbstractFailureAnalyzer<FlowsConfigurationException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlowsConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage() + origin(rootFailure), cause.action(), cause);
	}

	/** Where a rejected property was set, as Spring Boot's own report says it. */
	private String origin(Throwable rootFailure) {
		BindException binding = findCause(rootFailure, BindException.class);
		ConfigurationProperty property = (binding != null) ? binding.getProperty() : null;
		Origin origin = (property != null) ? property.getOrigin() : null;
		return (origin != null) ? " (originating from " + origin + ")" : "";
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
