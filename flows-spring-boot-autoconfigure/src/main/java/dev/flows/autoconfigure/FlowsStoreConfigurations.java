package dev.flows.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.flows.store.TaskStore;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.store.redis.RedisTaskStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The task store configurations, imported by {@link FlowsStoreAutoConfiguration} in the
 * order in which {@code flows.store.type=auto} tries them; each applies only while no
 * {@link TaskStore} exists yet. (Nested in their own holder, not in the
 * auto-configuration class: Spring processes member classes before imports, in an order
 * of its own.)
 */
final class FlowsStoreConfigurations {

	private static final Log logger = LogFactory.getLog(FlowsStoreAutoConfiguration.class);

	private static final String TYPE = "flows.store.type";

	private FlowsStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "jakarta.persistence.EntityManagerFactory",
			"org.springframework.data.jpa.repository.support.JpaRepositoryFactory" })
	@ConditionalOnMissingBean(TaskStore.class)
	@Conditional(JpaStoreConfiguration.OnJpaStore.class)
	static class JpaStoreConfiguration {

		@Bean
		JpaTaskStore flowsTaskStore(ObjectProvider<EntityManagerFactory> entityManagerFactory,
				ObjectProvider<PlatformTransactionManager> transactionManager) {
			EntityManagerFactory factory = entityManagerFactory.getIfUnique();
			if (factory == null) {
				throw new FlowsConfigurationException(
						"flows.store.type=jpa, but the application has no single EntityManagerFactory for the task store",
						"Add spring-boot-starter-data-jpa and a DataSource, mark one EntityManagerFactory @Primary, or"
								+ " choose another flows.store.type (memory, redis)");
			}
			PlatformTransactionManager transactions = transactionManager
				.getIfUnique(() -> new JpaTransactionManager(factory));
			logger.info("Flows keeps tasks in the database, table flows_task (flows.store.type=jpa)");
			return new JpaTaskStore(factory, transactions);
		}

		/**
		 * Adds the task entity to the persistence unit Spring Boot builds, whatever the
		 * application scans ({@code @EntityScan} or its auto-configuration packages). A
		 * class of its own: its bean's type is in spring-boot-jpa, which an application
		 * may lack (one that builds its own EntityManagerFactory), and a missing type in
		 * any method signature of a configuration class fails the whole class.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer")
		static class TaskEntityConfiguration {

			@Bean
			static EntityManagerFactoryBuilderCustomizer flowsTaskEntityCustomizer() {
				return (builder) -> builder
					.addPersistenceUnitPostProcessors(JpaTaskStore.persistenceUnitPostProcessor());
			}

		}

		/**
		 * Creates the flows_task table before Hibernate starts, as
		 * {@code flows.jpa.initialize-schema} says, with Spring Boot's script initializer
		 * (spring-boot-jdbc and spring-boot-sql, only referenced from here).
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer",
				"org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer" })
		@Import(DatabaseInitializationDependencyConfigurer.class)
		static class TaskSchemaConfiguration {

			@Bean
			@ConditionalOnSingleCandidate(DataSource.class)
			static DataSourceScriptDatabaseInitializer flowsTaskSchemaInitializer(DataSource dataSource,
					FlowsProperties properties) {
				DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
				settings.setMode(mode(properties.getJpa().getInitializeSchema()));
				settings.setContinueOnError(false);
				if (settings.getMode() != DatabaseInitializationMode.NEVER) {
					String location = schemaLocation(dataSource);
					if (location != null) {
						settings.setSchemaLocations(List.of(location));
					}
					else {
						logger
							.warn("Flows ships no flows_task DDL for this database (only H2 and PostgreSQL): create the"
									+ " table from "
									+ JpaTaskStore.SCHEMA_LOCATION.replace("@@platform@@", "postgresql")
									+ " adapted to it, and set flows.jpa.initialize-schema=never");
						settings.setMode(DatabaseInitializationMode.NEVER);
					}
				}
				return new DataSourceScriptDatabaseInitializer(dataSource, settings);
			}

			/** Flows' property value as Spring Boot's type, which has the same values. */
			static DatabaseInitializationMode mode(FlowsProperties.Jpa.SchemaInitialization initialization) {
				return switch (initialization) {
					case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
					case ALWAYS -> DatabaseInitializationMode.ALWAYS;
					case NEVER -> DatabaseInitializationMode.NEVER;
				};
			}

			/**
			 * The shipped DDL for the database behind {@code dataSource}, or {@code null}
			 * if there is none.
			 */
			private static String schemaLocation(DataSource dataSource) {
				try {
					String location = new PlatformPlaceholderDatabaseDriverResolver()
						.resolveAll(dataSource, JpaTaskStore.SCHEMA_LOCATION)
						.get(0);
					return new DefaultResourceLoader().getResource(location).exists() ? location : null;
				}
				catch (IllegalStateException ex) {
					// the database type could not be detected
					return null;
				}
			}

		}

		static class OnJpaStore extends AnyNestedCondition {

			OnJpaStore() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnProperty(name = TYPE, havingValue = "jpa")
			static class Chosen {

			}

			@ConditionalOnProperty(name = TYPE, havingValue = "auto", matchIfMissing = true)
			@ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
			static class Available {

			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
	@ConditionalOnMissingBean(TaskStore.class)
	@Conditional(RedisStoreConfiguration.OnRedisStore.class)
	static class RedisStoreConfiguration {

		@Bean
		RedisTaskStore flowsTaskStore(ObjectProvider<RedisConnectionFactory> connectionFactory,
				FlowsProperties properties) {
			RedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new FlowsConfigurationException(
						"flows.store.type=redis, but the application has no single RedisConnectionFactory for the task store",
						"Add spring-boot-starter-data-redis (and spring.data.redis.*), mark one RedisConnectionFactory"
								+ " @Primary, or choose another flows.store.type (memory, jpa)");
			}
			String prefix = properties.getRedis().getKeyPrefix();
			logger.info("Flows keeps tasks in Redis, one hash per task under '" + prefix
					+ "', removed by Redis when they expire (flows.store.type=redis)");
			return new RedisTaskStore(new StringRedisTemplate(factory), prefix, properties.getRedis().isIndexLive());
		}

		static class OnRedisStore extends AnyNestedCondition {

			OnRedisStore() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnProperty(name = TYPE, havingValue = "redis")
			static class Chosen {

			}

			@ConditionalOnProperty(name = TYPE, havingValue = "auto", matchIfMissing = true)
			@ConditionalOnBean(type = "org.springframework.data.redis.connection.RedisConnectionFactory")
			static class Available {

			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(TaskStore.class)
	@Conditional(MemoryStoreConfiguration.OnMemoryStore.class)
	static class MemoryStoreConfiguration {

		@Bean
		InMemoryTaskStore flowsTaskStore(FlowsProperties properties) {
			int maxTasks = properties.getStore().getMemory().getMaxTasks();
			logger.info("Flows keeps tasks in memory, at most " + maxTasks + ": they are lost on restart and not"
					+ " shared between instances (flows.store.type=memory; set it to jpa or redis to keep them)");
			return new InMemoryTaskStore(maxTasks);
		}

		static class OnMemoryStore extends AnyNestedCondition {

			OnMemoryStore() {
				super(ConfigurationPhase.REGISTER_BEAN);
			}

			@ConditionalOnProperty(name = TYPE, havingValue = "memory")
			static class Chosen {

			}

			@ConditionalOnProperty(name = TYPE, havingValue = "auto", matchIfMissing = true)
			static class Fallback {

			}

		}

	}

	/**
	 * flows.store.type names a store whose technology is not on the classpath: fail with
	 * the fix.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(TaskStore.class)
	static class UnavailableStoreConfiguration {

		@Bean
		TaskStore flowsTaskStore(FlowsProperties properties) {
			FlowsProperties.StoreType type = properties.getStore().getType();
			List<String> needs = switch (type) {
				case JPA -> List.of("spring-boot-starter-data-jpa");
				case REDIS -> List.of("spring-boot-starter-data-redis");
				default -> List.of();
			};
			throw new FlowsConfigurationException(
					"flows.store.type=" + type.name().toLowerCase()
							+ ", but that store's technology is not on the classpath",
					"Add " + String.join(", ", needs) + " to the application, or choose another flows.store.type");
		}

	}

}
