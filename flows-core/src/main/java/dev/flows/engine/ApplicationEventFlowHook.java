package dev.flows.engine;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;

/**
 * Publishes a {@link TaskTransitionedEvent} after every stored move. Runs after every
 * other hook, so listeners see the move only once the hooks accepted it and the store
 * kept it.
 */
public final class ApplicationEventFlowHook implements FlowHook, Ordered {

	private final ApplicationEventPublisher publisher;

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

}
