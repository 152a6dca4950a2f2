package dev.flows.observation;

import java.util.Objects;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;

/**
 * The observations of flows, by kind:
 * <ul>
 * <li>{@value #STEP}: each submit of a step, with key values {@code flow}, {@code step}
 * and {@code outcome}; its timer counts submissions and times their handling;</li>
 * <li>{@value #ENTRY}: each arrival of a task at a step, with {@code flow} and
 * {@code step}; its timer's count is the number of entries (a funnel);</li>
 * <li>{@value #TASK}: each start, completion, cancel and expiry of a task, with
 * {@code flow}, {@code event} and {@code step} (where the task started, completed, or was
 * left).</li>
 * </ul>
 * Every key value is low-cardinality: flows and steps are the application's own, finite
 * set; task ids never appear. An observation's name is its convention's, so there is one
 * convention per kind.
 */
public class DefaultFlowsObservationConvention implements FlowsObservationConvention {

	/** The name of the observations of step submissions. */
	public static final String STEP = "flows.step";

	/** The name of the observations of step entries. */
	public static final String ENTRY = "flows.step.entry";

	/** The name of the observations of task lifecycle events. */
	public static final String TASK = "flows.task";

	private final FlowsObservationContext.Kind kind;

	/** The convention of the observations of {@code kind}. */
	public DefaultFlowsObservationConvention(FlowsObservationContext.Kind kind) {
		this.kind = Objects.requireNonNull(kind, "kind");
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof FlowsObservationContext flows && flows.kind() == this.kind;
	}

	@Override
	public String getName() {
		return switch (this.kind) {
			case SUBMIT -> STEP;
			case ENTRY -> ENTRY;
			case TASK -> TASK;
		};
	}

	@Override
	public String getContextualName(FlowsObservationContext context) {
		return switch (context.kind()) {
			case SUBMIT -> "flows submit " + context.step();
			case ENTRY -> "flows enter " + context.step();
			case TASK -> "flows task " + context.outcome();
		};
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FlowsObservationContext context) {
		KeyValues common = KeyValues.of("flow", context.flowId(), "step", context.step());
		return switch (context.kind()) {
			case SUBMIT -> common.and("outcome", context.outcome());
			case ENTRY -> common;
			case TASK -> common.and("event", context.outcome());
		};
	}

}
