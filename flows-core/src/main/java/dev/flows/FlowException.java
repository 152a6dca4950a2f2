package dev.flows;

/**
 * Base type of every exception Flows throws on purpose. Catch this to handle all of them;
 * catch a subclass to handle one cause (an invalid transition, an unknown task, a stale
 * version, ...).
 */
public abstract class FlowException extends RuntimeException {

	/**
	 * For subclasses: {@code message} says what went wrong and, where the application can
	 * fix it, how, since it is what a developer reads in the log or the startup failure.
	 */
	protected FlowException(String message) {
		super(message);
	}

	/**
	 * For subclasses whose failure comes from another one, such as a JSON error or a
	 * store client's exception, kept as the {@code cause} so that logs show where it
	 * started.
	 */
	protected FlowException(String message, Throwable cause) {
		super(message, cause);
	}

}
