package dev.flows.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.flows.autoconfigure.userapp.UserApplication;
import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.store.jpa.JpaTaskStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Misconfigurations are reported as Spring Boot's "APPLICATION FAILED TO START" report,
 * with a description and the action that fixes it, through the analyzers Flows registers.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlowsFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class));

	@Test
	void theAnalyzersAreRegisteredForSpringBootWithFlowsAheadOfItsBindingReport() {
		// Boot's own analyzers need constructor arguments this test does not give: skip
		// them.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(FlowsFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(FlowDefinitionFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(JpaTaskStoreFailureAnalyzer.class);
		// Boot reports with the first analyzer that answers; both answer for a flows.*
		// value rejected while it is bound
		assertThat(analyzers.stream().map((analyzer) -> analyzer.getClass().getName()).toList()).containsSubsequence(
				FlowsFailureAnalyzer.class.getName(),
				"org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					flows.store.memory.max-tasks                                          | 0                   | it must be at least 1                 | Set flows.store.memory.max-tasks to 1 or more
					flows.store.guard.timeout                                             | 0s                  | it must be positive                   | Set flows.store.guard.timeout to a positive duration
					flows.store.guard.max-concurrent-calls                                | 0                   | at least one task store call          | Set flows.store.guard.max-concurrent-calls to 1 or more
					flows.store.guard.circuit-breaker.failure-rate-threshold              | 101                 | a percentage                          | Set flows.store.guard.circuit-breaker.failure-rate-threshold to a percentage
					flows.store.guard.circuit-breaker.sliding-window-size                 | 0                   | it must be at least 1                 | Set flows.store.guard.circuit-breaker.sliding-window-size to 1 or more
					flows.store.guard.circuit-breaker.minimum-number-of-calls             | 0                   | it must be at least 1                 | Set flows.store.guard.circuit-breaker.minimum-number-of-calls to 1 or more
					flows.store.guard.circuit-breaker.wait-duration-in-open-state         | 0s                  | at least one millisecond              | Set flows.store.guard.circuit-breaker.wait-duration-in-open-state to 1ms or more
					flows.store.guard.circuit-breaker.permitted-number-of-calls-in-half-open-state | 0          | it must be at least 1                 | Set flows.store.guard.circuit-breaker.permitted-number-of-calls-in-half-open-state to 1 or more
					flows.task.idle-timeout                                               | 0s                  | it must be positive                   | Set flows.task.idle-timeout to a positive duration such as 20m
					flows.task.claim-timeout                                              | -1s                 | it must be positive                   | Set flows.task.claim-timeout to a positive duration such as 30s
					flows.task.claim-wait                                                 | -1s                 | cannot wait a negative time           | Set flows.task.claim-wait to 0 (do not wait) or more
					flows.task.max-state-size                                             | 0B                  | some bytes                            | Set flows.task.max-state-size to a size
					flows.cleanup.batch-size                                              | 0                   | it must be at least 1                 | Set flows.cleanup.batch-size to 1 or more
					flows.cleanup.cron                                                    | every five minutes  | not a cron expression                 | Set flows.cleanup.cron to a Spring cron expression
					flows.htmx.fragment                                                   | ' '                 | needs a name                          | Set flows.htmx.fragment to the name of a fragment
					""")
	void aValueFlowsCannotWorkWithIsReportedWithThePropertyAndTheFix(String property, String value, String reason,
			String action) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).startsWith("Invalid value '")
				.contains("' for configuration property '" + property + "': ")
				.contains(reason);
			assertThat(analysis.getAction()).startsWith(action);
		});
	}

	@Test
	void aRejectedPropertyReachesSpringBootsReportWithItsOriginAndTheFix(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(MemoryStoreApplication.class)
			.web(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.config.name=invalid-max-tasks"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '0' for configuration property 'flows.store.memory.max-tasks': it must be at"
					+ " least 1, as it is how many tasks the memory store holds (originating from class path resource"
					+ " [invalid-max-tasks.properties] - 2:30)")
			.contains("Set flows.store.memory.max-tasks to 1 or more, or remove it for the default (10000)")
			.doesNotContain("Update your application's configuration");
	}

	@Test
	void aPersistenceUnitWithoutTheTaskEntityIsReportedWithTheEntityAndTheFix() {
		this.runner.withUserConfiguration(ApplicationsOwnEntityManagerFactory.class)
			.withPropertyValues("flows.store.type=jpa")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("dev.flows.store.jpa.TaskEntity")
					.contains("persistence unit");
				assertThat(analysis.getAction()).contains(JpaTaskStore.ENTITY_PACKAGE)
					.contains("JpaTaskStore.persistenceUnitPostProcessor()");
			});
	}

	@Test
	void anEntityManagerFactoryWithoutADataSourceIsReportedWithTheFix() {
		this.runner.withUserConfiguration(PlainJpaEntityManagerFactory.class)
			.withPropertyValues("flows.store.type=jpa")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("DataSource").contains("exposes none");
				assertThat(analysis.getAction()).contains("LocalContainerEntityManagerFactoryBean")
					.contains("non-JTA DataSource");
			});
	}

	@Test
	void aMissingStoreTechnologyIsReportedWithTheDependencyToAdd() {
		this.runner
			.withClassLoader(
					new org.springframework.boot.test.context.FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("flows.store.type=redis")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription())
					.isEqualTo("flows.store.type=redis, but that store's technology is not on the classpath");
				assertThat(analysis.getAction()).startsWith("Add spring-boot-starter-data-redis");
			});
	}

	@Test
	void anInvalidFlowIsReportedWithItsClassAndTheFix() {
		this.runner.withUserConfiguration(TwoFlowsOnePath.class).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains(First.class.getName())
				.contains(Second.class.getName())
				.contains("/same");
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	/** What Spring Boot would print for the context's startup failure. */
	static FailureAnalysis analyze(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasFailed();
		for (FailureAnalyzer analyzer : new FailureAnalyzer[] { new FlowsFailureAnalyzer(),
				new FlowDefinitionFailureAnalyzer(), new JpaTaskStoreFailureAnalyzer() }) {
			FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No Flows analyzer reports " + context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(FlowsStoreAutoConfiguration.class)
	static class MemoryStoreApplication {

	}

	/**
	 * An application that builds its EntityManagerFactory itself, over its own entities
	 * only: Spring Boot's, to which Flows adds the task entity, backs off.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ApplicationsOwnEntityManagerFactory {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.setPackagesToScan(UserApplication.class.getPackageName());
			return factory;
		}

	}

	/**
	 * An EntityManagerFactory bootstrapped with plain JPA, from a JDBC URL: it has the
	 * task entity, but no DataSource the store could run its statements on.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PlainJpaEntityManagerFactory {

		@Bean
		EntityManagerFactory entityManagerFactory() throws ClassNotFoundException {
			PersistenceConfiguration unit = new PersistenceConfiguration("plain")
				.property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:plain-jpa;DB_CLOSE_DELAY=-1");
			for (String name : JpaTaskStore.managedClassNames()) {
				unit.managedClass(Class.forName(name));
			}
			return unit.createEntityManagerFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoFlowsOnePath {

		@Bean
		First first() {
			return new First();
		}

		@Bean
		Second second() {
			return new Second();
		}

		@Bean
		Step step() {
			return new Step();
		}

	}

	@Flow(path = "/same", children = Step.class)
	static class First {

	}

	@Flow(path = "/same", name = "second", children = Step.class)
	static class Second {

	}

	@FlowAction(view = "step")
	static class Step {

		@OnGet
		void show() {
		}

	}

}
