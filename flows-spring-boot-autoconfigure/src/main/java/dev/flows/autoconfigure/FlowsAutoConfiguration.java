package dev.flows.autoconfigure;

import java.time.Clock;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.engine.ApplicationEventFlowHook;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.FlowHook;
import dev.flows.engine.FlowObserver;
import dev.flows.engine.TaskTimeouts;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.TaskStore;
import dev.flows.store.guard.TaskStoreGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Flows engine: the registry of every {@code @Flow} bean (and
 * of {@link FlowDefinition} beans built in code), the task state codec, and the
 * {@link FlowEngine} over the {@link TaskStore} chosen by {@code flows.store.type},
 * called through the {@link TaskStoreGuard} when there is one (see
 * {@link FlowsStoreGuardAutoConfiguration}). Every {@link FlowObserver} bean is told of
 * the engine's stored changes; the {@link ApplicationEventFlowHook} is one, and publishes
 * them as application events.
 * <p>
 * Every bean name of Flows' auto-configuration starts with {@code flows}, so that an
 * application can run Flows beside Spring Web Flow, whose reference guide names its beans
 * {@code flowRegistry}, {@code flowExecutor}, {@code flowHandlerMapping} and so on.
 */
@AutoConfiguration(after = FlowsStoreAutoConfiguration.class)
@EnableConfigurationProperties(FlowsProperties.class)
public final class FlowsAutoConfiguration {

	FlowsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FlowRegistry flowsRegistry(ConfigurableListableBeanFactory beanFactory, ObjectProvider<FlowDefinition> builtFlows) {
		return FlowRegistry.fromBeans(beanFactory, builtFlows.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskStateCodec flowsTaskStateCodec(FlowsProperties properties) {
		// Flows' own mapper, not the application's: stored state must not change shape
		// when the
		// application tunes its JSON output.
		return new TaskStateCodec(TaskStateCodec.defaultMapper(),
				Math.toIntExact(properties.getTask().getMaxStateSize().toBytes()));
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationEventFlowHook flowsApplicationEventHook(ApplicationEventPublisher publisher) {
		return new ApplicationEventFlowHook(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TaskStore.class)
	FlowEngine flowsEngine(FlowRegistry registry, TaskStore store, ObjectProvider<TaskStoreGuard> storeGuard,
			TaskStateCodec stateCodec, ObjectProvider<FlowHook> hooks, ObjectProvider<FlowObserver> observers,
			ObjectProvider<Clock> clock, FlowsProperties properties) {
		FlowsProperties.TaskProperties task = properties.getTask();
		TaskStoreGuard guard = storeGuard.getIfUnique();
		TaskStore guarded = (guard != null) ? guard.guard(store) : store;
		return new FlowEngine(registry, guarded, stateCodec, hooks.orderedStream().toList(),
				observers.orderedStream().toList(), clock.getIfAvailable(Clock::systemUTC),
				new TaskTimeouts(task.getIdleTimeout(), task.getCompletedRetention(), task.getTouchInterval(),
						task.getClaimTimeout(), task.getClaimWait()));
	}

}
