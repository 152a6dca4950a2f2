package dev.flows.engine;

/**
 * Watches tasks without taking part in their moves, for metrics, traces, audit and
 * notifications: unlike a {@link FlowHook} it cannot veto or change anything, and a
 * failure of an observer is logged, never answered to the user, because the change it
 * reports is stored already.
 */
public interface FlowObserver {

	/** A stored change of a task: called after the save (or delete) succeeded. */
	default void onEvent(FlowEvent event) {
	}

	/**
	 * A submit of {@code step} was granted and its handler is about to run; the
	 * submission returned is told how it ended, once the outcome is stored or the request
	 * gave up, so that an observer can time a step's handling.
	 */
	default Submission onSubmit(Task task, String step) {
		return Submission.NONE;
	}

	/** One submit of a step, from the moment it was granted. */
	interface Submission {

		/** A submission nobody watches. */
		Submission NONE = (outcome, failure) -> {
		};

		/**
		 * The submit ended.
		 * @param outcome {@code complete}, {@code go-to}, {@code cancel},
		 * {@code redisplay}, {@code none} (the handler answered with a view of its own or
		 * failed: nothing was decided) or {@code error} (the outcome could not be applied
		 * or stored)
		 * @param failure what failed, or {@code null}
		 */
		void ended(String outcome, Throwable failure);

	}

}
