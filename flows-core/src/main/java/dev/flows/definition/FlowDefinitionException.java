package dev.flows.definition;

import dev.flows.FlowException;

/**
 * A flow definition is invalid. Thrown at startup, with a message that names the
 * offending class and what to do about it.
 */
public class FlowDefinitionException extends FlowException {

	/**
	 * An invalid definition, described by {@code message}: name the offending class and
	 * the change that fixes it, as the application fails to start with it.
	 */
	public FlowDefinitionException(String message) {
		super(message);
	}

}
