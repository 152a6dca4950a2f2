package dev.flows.autoconfigure;

import java.time.Clock;

import dev.flows.definition.FlowRegistry;
import dev.flows.engine.FlowEngine;
import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Auto-configuration of the removal of expired tasks: a {@link TaskCleaner} over the task
 * store, run on the {@code flows.cleanup.cron} schedule unless
 * {@code flows.cleanup.enabled=false}, and on demand through the {@code flows} actuator
 * endpoint. Every node may run the job: each batch is one bulk delete of tasks still
 * expired, so concurrent runs neither fail nor double count.
 * <p>
 * Like Spring Session's JDBC cleanup, the schedule switches on Spring's
 * {@code @EnableScheduling}; {@code flows.cleanup.enabled=false} leaves scheduling alone.
 */
@AutoConfiguration(after = FlowsStoreAutoConfiguration.class)
@ConditionalOnBean(TaskStore.class)
@EnableConfigurationProperties(FlowsProperties.class)
public final class FlowsCleanupAutoConfiguration {

	FlowsCleanupAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	TaskCleaner flowsTaskCleaner(TaskStore store, ObjectProvider<Clock> clock, FlowsProperties properties) {
		return new TaskCleaner(store, clock.getIfAvailable(Clock::systemUTC), properties.getCleanup().getBatchSize());
	}

	@Bean
	FlowsCleanup flowsCleanup(TaskCleaner cleaner, ObjectProvider<Clock> clock, ApplicationEventPublisher publisher,
			ObjectProvider<FlowEngine> engine) {
		return new FlowsCleanup(cleaner, clock.getIfAvailable(Clock::systemUTC), publisher, (task) -> {
			FlowEngine flows = engine.getIfAvailable();
			if (flows != null) {
				flows.expired(task);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "flows.cleanup.enabled", matchIfMissing = true)
	@EnableScheduling
	static class CleanupSchedulingConfiguration {

		@Bean
		SchedulingConfigurer flowsCleanupSchedule(FlowsCleanup cleanup, FlowsProperties properties) {
			CronTrigger trigger = new CronTrigger(properties.getCleanup().getCron());
			return (registrar) -> registrar.addTriggerTask(cleanup::runScheduled, trigger);
		}

	}

	/**
	 * The endpoint, with Actuator only: its annotation and its condition are in
	 * spring-boot-actuator and spring-boot-actuator-autoconfigure, which only this class
	 * and {@link FlowsEndpoint} name.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(FlowsEndpoint.class)
		FlowsEndpoint flowsEndpoint(TaskStore store, FlowsCleanup cleanup, FlowsProperties properties,
				ObjectProvider<FlowRegistry> registry, ObjectProvider<Clock> clock) {
			return new FlowsEndpoint(store, cleanup, properties.getCleanup(), registry.getIfAvailable(),
					clock.getIfAvailable(Clock::systemUTC));
		}

	}

}
