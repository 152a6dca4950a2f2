package dev.flows.autoconfigure;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.state.TaskState;
import dev.flows.store.TaskStore;
import dev.flows.store.jpa.JpaTaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.store.redis.RedisTaskStore;
import dev.flows.web.FlowHandlerMapping;
import dev.flows.web.FlowPage;
import dev.flows.web.LoginRequiredHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Flows on every classpath, tested the way Spring Boot tests its own auto-configuration:
 * each optional technology hidden in turn by a {@link FilteredClassLoader}, then all of
 * them at once. The context starts every time, the parts of the technologies still
 * present come up, and the hidden technology's part does not.
 * <p>
 * A filtered class loader hides classes from the conditions, not from the JVM's linking
 * of classes it has already loaded: {@link FlowsClasspathExclusionTests} starts contexts
 * on class paths that really lack the jars, which is what catches a missing type in an
 * always-loaded signature.
 */
class FlowsClasspathTests {

	/** JDBC: Spring's and Boot's modules, the pool and the drivers (JPA needs it too). */
	private static final Predicate<String> JDBC = packages("org.springframework.jdbc.",
			"org.springframework.boot.jdbc.", "org.springframework.boot.sql.", "com.zaxxer.hikari.", "org.h2.",
			"org.postgresql.");

	/**
	 * JPA: the API, Hibernate ORM (not Hibernate Validator), Spring's and Boot's JPA
	 * modules.
	 */
	private static final Predicate<String> JPA = packages("jakarta.persistence.", "org.springframework.orm.jpa.",
			"org.springframework.data.jpa.", "org.springframework.boot.jpa.", "org.springframework.boot.hibernate.",
			"org.springframework.boot.data.jpa.")
		.or((name) -> name.startsWith("org.hibernate.") && !name.startsWith("org.hibernate.validator."));

	private static final Predicate<String> REDIS = packages("org.springframework.data.redis.", "io.lettuce.",
			"org.springframework.boot.data.redis.");

	private static final Predicate<String> SECURITY = packages("org.springframework.security.",
			"org.springframework.boot.security.");

	private static final Predicate<String> ACTUATOR = packages("org.springframework.boot.actuate.",
			"org.springframework.boot.health.");

	/**
	 * Micrometer's metrics (its observation API is a dependency of Spring Framework
	 * itself). Boot's metrics module stays visible: the runner names its
	 * auto-configuration, whose own conditions must load to find Micrometer absent.
	 */
	private static final Predicate<String> MICROMETER = packages("io.micrometer.core.");

	private static final Predicate<String> THYMELEAF = packages("org.thymeleaf.",
			"org.springframework.boot.thymeleaf.");

	private static final Predicate<String> ALL = JDBC.or(JPA)
		.or(REDIS)
		.or(SECURITY)
		.or(ACTUATOR)
		.or(MICROMETER)
		.or(THYMELEAF)
		.or(packages("org.springframework.transaction.", "org.springframework.dao.", "org.springframework.data.",
				"org.springframework.boot.transaction."));

	/**
	 * Flows' auto-configuration beside Boot's for each technology Flows has a part for,
	 * or that an application typically has (views, metrics); a flow with one step. Redis
	 * is configured and never connected to, H2 is embedded. (Not Boot's
	 * WebMvcAutoConfiguration: it reads every template engine's provider from
	 * spring.factories, which a filtered class loader cannot hide.)
	 */
	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
				FlowsWebAutoConfiguration.class, FlowsCleanupAutoConfiguration.class, DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
				DataRedisAutoConfiguration.class, ThymeleafAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withUserConfiguration(WizardConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=flows",
				"spring.data.redis.url=redis://127.0.0.1:1");

	@Test
	void withEveryTechnologyEachPartComesUp() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasBean("flowsTaskSchemaInitializer")
				.hasSingleBean(FlowsEndpoint.class)
				.hasBean("thymeleafViewResolver")
				.hasSingleBean(MeterRegistry.class);
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutJdbcTheStoreIsRedisAndNoSchemaIsCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(JDBC)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSource.class)
				.doesNotHaveBean("flowsTaskSchemaInitializer")
				.doesNotHaveBean(JpaTaskStore.class);
			assertStore(context, RedisTaskStore.class);
			assertThat(context).hasSingleBean(FlowsEndpoint.class).hasBean("thymeleafViewResolver");
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutJpaTheStoreIsRedisAndNoSchemaIsCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(JPA)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(EntityManagerFactory.class)
				.doesNotHaveBean("flowsTaskSchemaInitializer")
				.doesNotHaveBean("flowsTaskEntityCustomizer");
			assertStore(context, RedisTaskStore.class);
			assertThat(context).hasSingleBean(FlowsEndpoint.class);
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutRedisTheStoreIsJpa() {
		this.runner.withClassLoader(new FilteredClassLoader(REDIS)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisConnectionFactory.class)
				.doesNotHaveBean(RedisTaskStore.class);
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasBean("flowsTaskSchemaInitializer").hasSingleBean(FlowsEndpoint.class);
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutRedisAndJpaTheStoreIsMemory() {
		this.runner.withClassLoader(new FilteredClassLoader(REDIS.or(JPA))).run((context) -> {
			assertThat(context).hasNotFailed();
			assertStore(context, InMemoryTaskStore.class);
			assertCommonParts(context);
		});
	}

	@Test
	void withoutSpringSecurityLoginAnswers401() {
		this.runner.withClassLoader(new FilteredClassLoader(SECURITY)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasSingleBean(FlowsEndpoint.class).hasBean("flowsTaskSchemaInitializer");
			assertCommonParts(context);
			assertPlainLogin(context);
		});
	}

	@Test
	void withoutActuatorThereIsNoEndpointAndTheCleanupStillRuns() {
		this.runner.withClassLoader(new FilteredClassLoader(ACTUATOR)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(FlowsEndpoint.class);
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasBean("flowsTaskSchemaInitializer");
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutMicrometerEveryFlowsPartComesUp() {
		this.runner.withClassLoader(new FilteredClassLoader(MICROMETER)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MeterRegistry.class);
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasSingleBean(FlowsEndpoint.class).hasBean("flowsTaskSchemaInitializer");
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withoutThymeleafEveryFlowsPartComesUp() {
		this.runner.withClassLoader(new FilteredClassLoader(THYMELEAF)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("thymeleafViewResolver");
			assertStore(context, JpaTaskStore.class);
			assertThat(context).hasSingleBean(FlowsEndpoint.class);
			assertCommonParts(context);
			assertSecurityLogin(context);
		});
	}

	@Test
	void withNoneOfThemTheMemoryStoreServesAFlow() throws Exception {
		this.runner.withClassLoader(new FilteredClassLoader(ALL))
			.withUserConfiguration(SpringMvcConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(DataSource.class)
					.doesNotHaveBean("flowsTaskSchemaInitializer")
					.doesNotHaveBean(FlowsEndpoint.class)
					.doesNotHaveBean("thymeleafViewResolver")
					.doesNotHaveBean(MeterRegistry.class);
				assertStore(context, InMemoryTaskStore.class);
				assertCommonParts(context);
				assertPlainLogin(context);
				completeTheWizard(context);
			});
	}

	/**
	 * {@code flows.jpa.initialize-schema} has a type of Flows' own, loaded in every
	 * application, with the values of Spring Boot's, which only the JPA store's
	 * configuration uses.
	 */
	@Test
	void theSchemaInitializationPropertyIsFlowsOwnTypeWithBootsValues() throws Exception {
		for (FlowsProperties.Jpa.SchemaInitialization value : FlowsProperties.Jpa.SchemaInitialization.values()) {
			assertThat(FlowsStoreConfigurations.JpaStoreConfiguration.TaskSchemaConfiguration.mode(value).name())
				.isEqualTo(value.name());
		}
		assertThat(FlowsProperties.Jpa.SchemaInitialization.values())
			.hasSameSizeAs(DatabaseInitializationMode.values());
		assertThat(new FlowsProperties().getJpa().getInitializeSchema())
			.isEqualTo(FlowsProperties.Jpa.SchemaInitialization.EMBEDDED);
		for (Class<?> type : propertyClasses(FlowsProperties.class)) {
			for (Method method : type.getDeclaredMethods()) {
				assertThat(method.getReturnType().getName()).as(method.toString())
					.doesNotStartWith("org.springframework.boot.sql")
					.doesNotStartWith("org.springframework.boot.jdbc");
			}
		}
		try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode property = StreamSupport
				.stream(JsonMapper.builder().build().readTree(json).get("properties").spliterator(), false)
				.filter((candidate) -> candidate.get("name").asString().equals("flows.jpa.initialize-schema"))
				.findFirst()
				.orElseThrow();
			assertThat(property.get("type").asString())
				.isEqualTo(FlowsProperties.Jpa.SchemaInitialization.class.getName());
			assertThat(property.get("defaultValue").asString()).isEqualTo("embedded");
		}
	}

	/**
	 * Entry page, submit, completion page over Spring MVC with no view technology at all:
	 * the views are forwarded to (no template engine renders them), and the model carries
	 * what a template would show.
	 */
	private static void completeTheWizard(AssertableWebApplicationContext context) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		MockHttpSession session = new MockHttpSession();
		MvcResult entry = mvc.perform(get("/wizard").session(session)).andReturn();
		assertThat(entry.getResponse().getStatus()).isEqualTo(200);
		assertThat(entry.getResponse().getForwardedUrl()).isEqualTo("wizard/plan");
		FlowPage page = (FlowPage) entry.getModelAndView().getModel().get(FlowPage.MODEL_ATTRIBUTE);
		String id = page.getHiddenFields().get("_id");
		assertThat(id).isNotBlank();
		MvcResult submit = mvc
			.perform(post(page.getFormAction()).session(session).param("_id", id).param("plan", "gold"))
			.andReturn();
		assertThat(submit.getResponse().getStatus()).isEqualTo(303);
		String done = submit.getResponse().getHeader("Location");
		assertThat(done).isEqualTo("/wizard/_done?_id=" + id);
		MvcResult completion = mvc.perform(get(done).session(session)).andReturn();
		assertThat(completion.getResponse().getStatus()).isEqualTo(200);
		assertThat(completion.getResponse().getForwardedUrl()).isEqualTo("wizard/done");
		assertThat(completion.getModelAndView().getModel().get("state")).isEqualTo(Map.of("plan", "gold"));
		assertThat(context.getBean(InMemoryTaskStore.class).size()).isEqualTo(1);
	}

	/** The parts every classpath has: engine, web, cleanup. */
	private static void assertCommonParts(AssertableWebApplicationContext context) {
		assertThat(context).hasSingleBean(FlowEngine.class)
			.hasSingleBean(FlowHandlerMapping.class)
			.hasSingleBean(FlowsCleanup.class);
		assertThat(context.getBean(FlowEngine.class).registry().flows()).hasSize(1);
	}

	private static void assertStore(AssertableWebApplicationContext context, Class<? extends TaskStore> type) {
		assertThat(context).hasSingleBean(TaskStore.class);
		assertThat(context.getBean(TaskStore.class)).isInstanceOf(type);
	}

	/** With Spring Security, @RequiresLogin goes through its entry point. */
	private static void assertSecurityLogin(AssertableWebApplicationContext context) {
		assertThatThrownBy(() -> context.getBean(LoginRequiredHandler.class)
			.handle(new MockHttpServletRequest(), new MockHttpServletResponse()))
			.isInstanceOf(AccessDeniedException.class);
	}

	/** Without it, 401. */
	private static void assertPlainLogin(AssertableWebApplicationContext context) {
		assertThatThrownBy(() -> context.getBean(LoginRequiredHandler.class)
			.handle(new MockHttpServletRequest(), new MockHttpServletResponse())).isInstanceOfSatisfying(
					ResponseStatusException.class, (ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(401));
	}

	/** The class and its nested classes, at any depth. */
	private static List<Class<?>> propertyClasses(Class<?> type) {
		List<Class<?>> classes = new ArrayList<>(List.of(type));
		for (Class<?> nested : type.getDeclaredClasses()) {
			classes.addAll(propertyClasses(nested));
		}
		return classes;
	}

	private static Predicate<String> packages(String... prefixes) {
		return (name) -> {
			for (String prefix : prefixes) {
				if (name.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		};
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Wizard.class, Plan.class })
	static class WizardConfiguration {

	}

	/**
	 * Spring MVC's handler adapter and its fallback view resolver (forwards), for
	 * MockMvc.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class SpringMvcConfiguration {

	}

	@Flow(path = "/wizard", children = Plan.class, onComplete = "wizard/done")
	static class Wizard {

	}

	@FlowAction(title = "Plan", view = "wizard/plan", owns = "plan")
	static class Plan {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome choose(@RequestParam("plan") String plan, TaskState state) {
			state.put("plan", plan);
			return Outcome.complete();
		}

	}

}
