package dev.flows.store.guard;

import dev.flows.store.TaskStoreUnavailableException;

/**
 * The circuit breaker of a {@link TaskStoreGuard} is open: the call was refused without
 * reaching the store.
 */
final class StoreConsideredDownException extends TaskStoreUnavailableException {

	StoreConsideredDownException(String message) {
		super(message, null);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// Thrown for every request while the store is down, and logged by the web layer
		// each time: one
		// line each is enough, the guard logged why the store is considered down when it
		// opened.
		return this;
	}

}
