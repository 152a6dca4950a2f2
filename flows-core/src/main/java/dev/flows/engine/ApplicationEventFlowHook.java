package dev.flows.engine;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;

/**
 * Publishes a {@link TaskTransitionedEvent} after every stored move. Runs after every
 * other hook, so listeners see the move only once the hooks accepted it and the store
 * kept it.
 * <p>
 * As a {@link FlowObserver} it also publishes the engine's {@link FlowEvent}s
 * ({@link TaskStartedEvent}, {@link StepCompletedEvent}, {@link TaskCompletedEvent},
 * {@link TaskCancelledEvent}, {@link TaskExpiredEvent}), once each change is stored.
 */
public final class ApplicationEventFlowHook implements FlowHook, FlowObserver, Ordered {

	private final ApplicationEventPublisher publisher;

	/**
	 * A hook that publishes through {@code publisher}, usually the application context.
	 * Give it to the engine as an observer too, or only {@link TaskTransitionedEvent}s
	 * are published.
	 */
	public ApplicationEventFlowHook(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void afterTransition(TransitionEvent event) {
		this.publisher.publishEvent(new TaskTransitionedEvent(event.task().id(), event.flow().id(), event.kind(),
				Objects.toString(event.from(), ""), Objects.toString(event.to(), ""),
				Objects.toString(event.outcome(), null)));
	}

	@Override
	public void onEvent(FlowEvent event) {
		this.publisher.publishEvent(event);
	}

}
