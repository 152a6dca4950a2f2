package dev.flows.autoconfigure;

import dev.flows.definition.FlowDefinitionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a flow that fails validation at startup (its message names the class and the
 * fix) as Spring Boot's "APPLICATION FAILED TO START" report.
 */
final class FlowDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<FlowDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlowDefinitionException cause) {
		return new FailureAnalysis("A flow definition is invalid: " + cause.getMessage(),
				"Change the flow's classes as the description says; every flow is checked at startup.", cause);
	}

}
