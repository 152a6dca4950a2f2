package dev.flows.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;

/**
 * What an observation of a flow knows: which kind it is, the flow, the step, and how it
 * ended.
 */
public final class FlowsObservationContext extends Observation.Context {

	private final Kind kind;

	private final String flowId;

	private final String step;

	private String outcome;

	/**
	 * @param kind what is observed
	 * @param flowId the flow's id
	 * @param step the step's path
	 * @param outcome how it ended so far: for a submission {@code unknown} until it ends,
	 * for a task event the event's name
	 */
	public FlowsObservationContext(Kind kind, String flowId, String step, String outcome) {
		this.kind = Objects.requireNonNull(kind, "kind");
		this.flowId = Objects.requireNonNull(flowId, "flowId");
		this.step = Objects.requireNonNull(step, "step");
		this.outcome = Objects.requireNonNull(outcome, "outcome");
	}

	/** What is observed. */
	public Kind kind() {
		return this.kind;
	}

	/** The flow's id. */
	public String flowId() {
		return this.flowId;
	}

	/** The step's path, such as {@code choose-payment/pay-pal}. */
	public String step() {
		return this.step;
	}

	/**
	 * For a {@link Kind#SUBMIT}: {@code complete}, {@code go-to}, {@code redisplay},
	 * {@code cancel}, {@code none} or {@code error} (see
	 * {@link dev.flows.engine.FlowObserver.Submission#ended}); for a {@link Kind#TASK}:
	 * {@code started}, {@code completed}, {@code cancelled} or {@code expired}.
	 */
	public String outcome() {
		return this.outcome;
	}

	void ended(String endedWith) {
		this.outcome = endedWith;
	}

	/** The kinds of observations of flows. */
	public enum Kind {

		/**
		 * One submit of a step, from the moment the engine granted it (before its handler
		 * runs) until its outcome is stored or the request gave up: the handler's time,
		 * the move and the save.
		 */
		SUBMIT,
		/** A task arrived at a step, moving forward or starting there; no duration. */
		ENTRY,
		/** A task started, completed, was cancelled or expired; no duration. */
		TASK

	}

}
