package dev.flows.store;

import dev.flows.FlowException;

/**
 * A stored task cannot be resumed: the store cannot read its record, its JSON is
 * unreadable, or its flow or position no longer exists (written by an older build of the
 * application). The user starts over. Stores throw it for records they cannot read; the
 * engine for records it cannot resume.
 */
public class CorruptTaskException extends FlowException {

	/**
	 * A task that cannot be resumed, for the reason {@code message} gives; {@code cause}
	 * is the failure behind it, or {@code null}. The web layer logs the message and
	 * starts the flow over.
	 */
	public CorruptTaskException(String message, Throwable cause) {
		super(message, cause);
	}

}
