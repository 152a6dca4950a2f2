package dev.flows.autoconfigure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.InMemoryRegistryStore;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.flows.engine.FlowEngine;
import dev.flows.store.TaskStore;
import dev.flows.store.guard.TaskStoreGuard;
import dev.flows.store.guard.TaskStoreGuard.Isolation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@link TaskStoreGuard} through which the {@link FlowEngine}
 * calls the task store, the auto-configured one or an application's own: while the store
 * is unreachable, a flow request answers 503 within {@code flows.store.guard.timeout},
 * and at once while the circuit breaker is open. On when Resilience4j is on the classpath
 * (the starter brings it) unless {@code flows.store.guard.enabled=false}; a
 * {@code TaskStoreGuard} bean of the application's replaces this one.
 * <p>
 * {@code flows.store.guard.isolation} chooses the thread a store call runs on; by default
 * the caller's for the Redis and memory stores and the JPA store on an in-memory database
 * (a watchdog interrupts it once late: no hand-off), the guard's own for the JPA store on
 * any other database and a store of the application's (which also bounds a wait that
 * ignores interrupts, such as a JDBC socket read).
 * <p>
 * With {@code resilience4j-micrometer} on the classpath, the breaker's metrics are bound
 * to the application's meter registry as {@code resilience4j.circuitbreaker.*}, tagged
 * {@code name=flowsTaskStore}.
 */
@AutoConfiguration(after = FlowsStoreAutoConfiguration.class, before = FlowsAutoConfiguration.class)
@ConditionalOnClass(name = { "io.github.resilience4j.circuitbreaker.CircuitBreaker",
		"io.github.resilience4j.timelimiter.TimeLimiter" })
@ConditionalOnBooleanProperty(name = "flows.store.guard.enabled", matchIfMissing = true)
@ConditionalOnBean(TaskStore.class)
@EnableConfigurationProperties(FlowsProperties.class)
public final class FlowsStoreGuardAutoConfiguration {

	FlowsStoreGuardAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	TaskStoreGuard flowsTaskStoreGuard(FlowsProperties properties, ObjectProvider<TaskStore> store) {
		FlowsProperties.Guard guard = properties.getStore().getGuard();
		TaskStoreGuard.Builder builder = TaskStoreGuard.builder()
			.timeout(guard.getTimeout())
			.maxConcurrentCalls(guard.getMaxConcurrentCalls())
			.isolation(isolation(guard.getIsolation(), store));
		FlowsProperties.Guard.CircuitBreaker breaker = guard.getCircuitBreaker();
		if (!breaker.isEnabled()) {
			return builder.withoutCircuitBreaker().build();
		}
		return builder
			.circuitBreaker((config) -> config.failureRateThreshold(breaker.getFailureRateThreshold())
				.slidingWindowSize(breaker.getSlidingWindowSize())
				.minimumNumberOfCalls(breaker.getMinimumNumberOfCalls())
				.waitDurationInOpenState(breaker.getWaitDurationInOpenState())
				.permittedNumberOfCallsInHalfOpenState(breaker.getPermittedNumberOfCallsInHalfOpenState()))
			.build();
	}

	private static Isolation isolation(FlowsProperties.Guard.Isolation isolation, ObjectProvider<TaskStore> store) {
		return switch (isolation) {
			case CALLER_THREAD -> Isolation.CALLER_THREAD;
			case GUARD_THREAD -> Isolation.GUARD_THREAD;
			case AUTO -> {
				TaskStore unique = store.getIfUnique();
				yield (unique != null) ? StoreGuardIsolation.of(unique) : Isolation.GUARD_THREAD;
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics",
			"io.micrometer.core.instrument.binder.MeterBinder" })
	static class CircuitBreakerMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "flowsTaskStoreCircuitBreakerMetrics")
		MeterBinder flowsTaskStoreCircuitBreakerMetrics(TaskStoreGuard guard) {
			return guard.circuitBreaker().<MeterBinder>map((breaker) -> {
				// The breaker is the guard's own, not created by a registry: hand it to
				// one for the binder.
				InMemoryRegistryStore<CircuitBreaker> breakers = new InMemoryRegistryStore<>();
				breakers.putIfAbsent(breaker.getName(), breaker);
				return TaggedCircuitBreakerMetrics
					.ofCircuitBreakerRegistry(CircuitBreakerRegistry.custom().withRegistryStore(breakers).build());
			}).orElse((registry) -> {
			});
		}

	}

}
