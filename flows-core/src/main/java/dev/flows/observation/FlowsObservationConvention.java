package dev.flows.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the observations of flows. Declare a bean of this type (with
 * Spring Boot) or pass one to {@link ObservationFlowObserver} to change them, for the
 * kinds of {@link FlowsObservationContext} it {@linkplain #supportsContext supports};
 * extend {@link DefaultFlowsObservationConvention} to add to them.
 */
public interface FlowsObservationConvention extends ObservationConvention<FlowsObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof FlowsObservationContext;
	}

}
