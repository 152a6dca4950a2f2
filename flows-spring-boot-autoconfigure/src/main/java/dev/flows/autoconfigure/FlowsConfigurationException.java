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

	/**
	 * A {@code flows.*} property with a value Flows cannot work with.
	 * @param property the property's name, as written in application.properties
	 * @param value the bound value
	 * @param reason why it is not acceptable
	 * @param action the values that are
	 */
	static FlowsConfigurationException invalidProperty(String property, Object value, String reason, String action) {
		return new FlowsConfigurationException(
				"Invalid value '" + value + "' for configuration property '" + property + "': " + reason, action);
	}

	String action() {
		return this.action;
	}

}
