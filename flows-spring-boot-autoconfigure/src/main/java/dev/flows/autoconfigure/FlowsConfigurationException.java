package dev.flows.autoconfigure;

/**
 * Flows cannot start as configured. Reported by {@link FlowsFailureAnalyzer} as Spring
 * Boot's "APPLICATION FAILED TO START" report, with what is wrong and what to do about
 * it.
 */
final class FlowsConfigurationException extends RuntimeException {

	private final String action;

	/**
	 * @param description what is wrong
	 * @param action what to do about it
	 */
	FlowsConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
