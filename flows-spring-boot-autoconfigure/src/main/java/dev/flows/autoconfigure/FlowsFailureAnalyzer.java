package dev.flows.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Flows misconfiguration found at startup into Spring Boot's report: a
 * description of what is wrong and the action that fixes it, instead of an exception deep
 * in a stack trace.
 */
final class FlowsFailureAnalyzer extends AbstractFailureAnalyzer<FlowsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlowsConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
