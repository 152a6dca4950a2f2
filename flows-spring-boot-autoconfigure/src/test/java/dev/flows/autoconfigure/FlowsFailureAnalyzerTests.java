package dev.flows.autoconfigure;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misconfigurations are reported as Spring Boot's "APPLICATION FAILED TO START" report,
 * with a description and the action that fixes it, through the analyzers Flows registers.
 */
class FlowsFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class));

	@Test
	void bothAnalyzersAreRegisteredForSpringBoot() {
		// Boot's own analyzers need constructor arguments this test does not give: skip
		// them.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))).hasAtLeastOneElementOfType(FlowsFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(FlowDefinitionFailureAnalyzer.class);
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
				new FlowDefinitionFailureAnalyzer() }) {
			FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No Flows analyzer reports " + context.getStartupFailure());
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
