package dev.flows.engine;

import dev.flows.FlowException;

/**
 * A stored task cannot be resumed: its JSON is unreadable, or its flow or position no longer
 * exists (written by an older build of the application). The user starts over.
 */
public class CorruptTaskException extends FlowException {

	public CorruptTaskException(String message, Throwable cause) {
		super(message, cause);
	}

}
