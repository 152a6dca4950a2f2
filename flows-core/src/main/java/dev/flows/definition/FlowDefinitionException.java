package dev.flows.definition;

import dev.flows.FlowException;

/**
 * A flow definition is invalid. Thrown at startup, with a message that names the
 * offending class and what to do about it.
 */
public class FlowDefinitionException extends FlowException {

	public FlowDefinitionException(String message) {
		super(message);
	}

}
