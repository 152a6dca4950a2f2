package dev.flows.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import dev.flows.store.TaskStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the {@link TaskStore}, chosen by {@code flows.store.type}:
 * {@code jpa}, {@code redis}, {@code memory}, or {@code auto} (the default), which picks
 * JPA when an {@link EntityManagerFactory} exists, else Redis when a
 * {@link RedisConnectionFactory} exists, else memory. An application's own
 * {@code TaskStore} bean replaces all of it.
 * <p>
 * For JPA, the task entity is added to the persistence unit that Spring Boot builds (next
 * to the application's own entities; its entity scanning and repository scanning are left
 * alone), and the {@code flows_task} table is created at startup as
 * {@code flows.jpa.initialize-schema} says, before Hibernate starts.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnMissingBean(TaskStore.class)
@EnableConfigurationProperties(FlowsProperties.class)
// In this order: with flows.store.type=auto the first store that applies wins.
@Import({ FlowsStoreConfigurations.JpaStoreConfiguration.class, FlowsStoreConfigurations.RedisStoreConfiguration.class,
		FlowsStoreConfigurations.MemoryStoreConfiguration.class,
		FlowsStoreConfigurations.UnavailableStoreConfiguration.class })
public final class FlowsStoreAutoConfiguration {

	FlowsStoreAutoConfiguration() {
	}

}
