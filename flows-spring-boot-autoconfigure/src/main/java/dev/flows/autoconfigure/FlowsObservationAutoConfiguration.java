package dev.flows.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import dev.flows.engine.FlowEngine;
import dev.flows.observation.FlowsObservationConvention;
import dev.flows.observation.ObservationFlowObserver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Metrics and traces of flows: an {@link ObservationFlowObserver} for the
 * {@link FlowEngine}, when Micrometer's Observation API is on the classpath and the
 * application has an {@link ObservationRegistry} (Spring Boot's Actuator makes one, and
 * turns observations into metrics and, with a tracer, spans). Conventions declared as
 * {@link FlowsObservationConvention} beans rename or add to the default key values.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
public final class FlowsObservationAutoConfiguration {

	FlowsObservationAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ObservationRegistry.class)
	ObservationFlowObserver flowsObservationObserver(ObservationRegistry registry,
			ObjectProvider<FlowsObservationConvention> conventions) {
		return new ObservationFlowObserver(registry, conventions.orderedStream().toList());
	}

}
