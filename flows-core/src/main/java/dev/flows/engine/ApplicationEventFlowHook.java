package dev.flows.engine;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a {@link TaskTransitionedEvent} after every move. Runs after every other hook, so
 * listeners see the move only once the hooks accepted it.
 */
public final class ApplicationEventFlowHook implements FlowHook {

	private final ApplicationEventPublisher publisher;

	public ApplicationEventFlowHook(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public int priority() {
		return Integer.MIN_VALUE;
	}

	@Override
	public void afterTransition(TransitionEvent event) {
		this.publisher.publishEvent(new TaskTransitionedEvent(event.task().id(), event.flow().id(), event.kind(),
				Objects.toString(event.from(), ""), Objects.toString(event.to(), ""),
				Objects.toString(event.outcome(), null)));
	}

}
