package dev.flows;

/**
 * Base type of every exception Flows throws on purpose. Catch this to handle all of them;
 * catch a subclass to handle one cause (an invalid transition, an unknown task, a stale
 * version, ...).
 */
public abstract class FlowException extends RuntimeException {

	protected FlowException(String message) {
		super(message);
	}

	protected FlowException(String message, Throwable cause) {
		super(message, cause);
	}

}
