package dev.flows.observation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.flows.engine.FlowEvent;
import dev.flows.engine.FlowObserver;
import dev.flows.engine.StepCompletedEvent;
import dev.flows.engine.Task;
import dev.flows.engine.TaskCancelledEvent;
import dev.flows.engine.TaskCompletedEvent;
import dev.flows.engine.TaskExpiredEvent;
import dev.flows.engine.TaskStartedEvent;

/**
 * Observes flows through Micrometer's Observation API, so that one instrumentation gives
 * metrics (with a {@code MeterRegistry} behind the registry) and traces (with a tracer):
 * <ul>
 * <li>each submit of a step is an observation ({@code flows.step}) from the moment the
 * engine granted it, before the step's handler runs, until its outcome is stored: its
 * duration is the handler's time plus the move and the save. The time a user spends on a
 * page, from the GET that showed it to the POST, is not observed: it spans requests and
 * says more about the user than about the application;</li>
 * <li>each arrival at a step, by starting there or moving forward to it (not by Back), is
 * an observation without duration ({@code flows.step.entry}): its count per step is the
 * funnel;</li>
 * <li>each start, completion, cancel and expiry of a task (found expired when asked for)
 * is an observation without duration ({@code flows.task}).</li>
 * </ul>
 * Names and key values come from {@link DefaultFlowsObservationConvention}s unless a
 * {@link FlowsObservationConvention} given supports the kind.
 */
public final class ObservationFlowObserver implements FlowObserver {

	private final ObservationRegistry registry;

	private final List<FlowsObservationConvention> conventions;

	private final Map<FlowsObservationContext.Kind, DefaultFlowsObservationConvention> defaults = new EnumMap<>(
			FlowsObservationContext.Kind.class);

	/** Observes into {@code registry} with the default conventions. */
	public ObservationFlowObserver(ObservationRegistry registry) {
		this(registry, List.of());
	}

	/**
	 * Observes into {@code registry}, named by the first of {@code conventions} that
	 * supports each kind, else by the default.
	 */
	public ObservationFlowObserver(ObservationRegistry registry, List<FlowsObservationConvention> conventions) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.conventions = List.copyOf(conventions);
		for (FlowsObservationContext.Kind kind : FlowsObservationContext.Kind.values()) {
			this.defaults.put(kind, new DefaultFlowsObservationConvention(kind));
		}
	}

	@Override
	public Submission onSubmit(Task task, String step) {
		FlowsObservationContext context = new FlowsObservationContext(FlowsObservationContext.Kind.SUBMIT,
				task.flow().id(), step, "unknown");
		Observation observation = observation(context).start();
		return (outcome, failure) -> {
			context.ended(outcome);
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

	@Override
	public void onEvent(FlowEvent event) {
		if (event instanceof TaskStartedEvent started) {
			task(event, "started", started.step());
			entry(event, started.step());
		}
		else if (event instanceof StepCompletedEvent completed && !completed.finishedFlow()) {
			entry(event, completed.next());
		}
		else if (event instanceof TaskCompletedEvent completed) {
			task(event, "completed", completed.lastStep());
		}
		else if (event instanceof TaskCancelledEvent cancelled) {
			task(event, "cancelled", cancelled.step());
		}
		else if (event instanceof TaskExpiredEvent expired) {
			task(event, "expired", expired.step());
		}
	}

	private void task(FlowEvent event, String what, String step) {
		observation(new FlowsObservationContext(FlowsObservationContext.Kind.TASK, event.flowId(), step, what)).start()
			.stop();
	}

	private void entry(FlowEvent event, String step) {
		observation(new FlowsObservationContext(FlowsObservationContext.Kind.ENTRY, event.flowId(), step, "entered"))
			.start()
			.stop();
	}

	private Observation observation(FlowsObservationContext context) {
		FlowsObservationConvention custom = null;
		for (FlowsObservationConvention convention : this.conventions) {
			if (convention.supportsContext(context)) {
				custom = convention;
				break;
			}
		}
		return Observation.createNotStarted(custom, this.defaults.get(context.kind()), () -> context, this.registry);
	}

	@Override
	public String toString() {
		return "ObservationFlowObserver";
	}

}
