package dev.flows.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.engine.FlowEngine;
import dev.flows.store.TaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.web.CookieTaskBinder;
import dev.flows.web.FlowHandlerMapping;
import dev.flows.web.FlowHtmxErrorFilter;
import dev.flows.web.FlowHtmxSettings;
import dev.flows.web.FlowRequestDataValueProcessor;
import dev.flows.web.FlowWebMvcConfigurer;
import dev.flows.web.FlowWebSettings;
import dev.flows.web.LoginRequiredHandler;
import dev.flows.web.PrincipalTaskBinder;
import dev.flows.web.SessionTaskBinder;
import dev.flows.web.TaskBinder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowsWebAutoConfigurationTests {

	private static final String HTMX_SPRING_BOOT = "io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest";

	/** htmx-spring-boot is on the test classpath. */
	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsAutoConfiguration.class, FlowsWebAutoConfiguration.class))
		.withUserConfiguration(StoreConfiguration.class);

	private final WebApplicationContextRunner withoutHtmxSpringBoot = this.contextRunner
		.withClassLoader(new FilteredClassLoader("io.github.wimdeblauwe.htmx"));

	@Test
	void defaultBeansAreCreated() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(FlowRegistry.class)
				.hasSingleBean(FlowEngine.class)
				.hasSingleBean(FlowHandlerMapping.class)
				.hasSingleBean(FlowWebMvcConfigurer.class)
				.hasSingleBean(LoginRequiredHandler.class);
			assertThat(context.getBean(TaskBinder.class)).isInstanceOf(SessionTaskBinder.class);
			assertThat(context.getBean(FlowWebSettings.class)).isEqualTo(FlowWebSettings.DEFAULTS);
			assertThat(context.getBean("requestDataValueProcessor")).isInstanceOf(FlowRequestDataValueProcessor.class);
		});
	}

	@Test
	void noEngineWithoutATaskStore() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlowsAutoConfiguration.class, FlowsWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FlowEngine.class)
				.doesNotHaveBean(FlowHandlerMapping.class));
	}

	@Test
	void webPartBacksOffOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlowsAutoConfiguration.class, FlowsWebAutoConfiguration.class))
			.withUserConfiguration(StoreConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(FlowEngine.class)
				.doesNotHaveBean(FlowHandlerMapping.class));
	}

	@Test
	void binderTypeIsChosenByProperty() {
		this.contextRunner.withPropertyValues("flows.binder.type=principal")
			.run((context) -> assertThat(context.getBean(TaskBinder.class)).isInstanceOf(PrincipalTaskBinder.class));
		this.contextRunner.withPropertyValues("flows.binder.type=none")
			.run((context) -> assertThat(context.getBean(TaskBinder.class)).isSameAs(TaskBinder.NONE));
		this.contextRunner
			.withPropertyValues("flows.binder.type=cookie", "flows.binder.cookie.secret=0123456789abcdef-secret")
			.run((context) -> assertThat(context.getBean(TaskBinder.class)).isInstanceOf(CookieTaskBinder.class));
	}

	@Test
	void cookieBinderWithoutSecretFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("flows.binder.type=cookie")
			.run((context) -> assertThat(FlowsFailureAnalyzerTests.analyze(context)).satisfies((analysis) -> {
				assertThat(analysis.getDescription()).contains("flows.binder.cookie.secret is not set");
				assertThat(analysis.getAction()).contains("at least 16 characters");
			}));
	}

	@Test
	void settingsFollowProperties() {
		this.contextRunner
			.withPropertyValues("flows.task.id-param=task", "flows.web.version-param=rev",
					"flows.task.on-unknown=not-found")
			.run((context) -> assertThat(context.getBean(FlowWebSettings.class))
				.isEqualTo(new FlowWebSettings("task", "rev", FlowWebSettings.UnknownTaskAction.NOT_FOUND)));
	}

	@Test
	void flowGraphsAreOffByDefaultAndSwitchedOnByProperty() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(FlowHandlerMapping.class).isGraphEnabled()).isFalse());
		this.contextRunner.withPropertyValues("flows.graph.enabled=true")
			.run((context) -> assertThat(context.getBean(FlowHandlerMapping.class).isGraphEnabled()).isTrue());
	}

	@Test
	void flowGraphPropertyIsDescribedInTheMetadata() throws Exception {
		try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode property = null;
			for (JsonNode candidate : JsonMapper.builder().build().readTree(json).get("properties")) {
				if (candidate.get("name").asString().equals("flows.graph.enabled")) {
					property = candidate;
				}
			}
			assertThat(property).as("flows.graph.enabled").isNotNull();
			assertThat(property.get("description").asString()).contains(".flowgraph");
			assertThat(property.get("defaultValue").asBoolean()).isFalse();
		}
	}

	@Test
	void htmxSupportIsOffUnlessAskedFor() {
		this.withoutHtmxSpringBoot.run((context) -> assertThat(context).doesNotHaveBean(FlowHtmxSettings.class)
			.doesNotHaveBean("flowsHtmxErrorFilter"));
		this.withoutHtmxSpringBoot.withPropertyValues("flows.htmx.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FlowHtmxSettings.class));
	}

	@Test
	void htmxSpringBootOnTheClasspathSwitchesHtmxSupportOn() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(FlowHtmxSettings.class)).isEqualTo(FlowHtmxSettings.DEFAULTS);
			assertThat(context).hasBean("flowsHtmxErrorFilter");
		});
	}

	@Test
	void flowsHtmxEnabledFalseSwitchesHtmxSupportOffDespiteHtmxSpringBoot() {
		assertThat(ClassUtils.isPresent(HTMX_SPRING_BOOT, getClass().getClassLoader())).as("htmx-spring-boot").isTrue();
		this.contextRunner.withPropertyValues("flows.htmx.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FlowHtmxSettings.class)
				.doesNotHaveBean("flowsHtmxErrorFilter"));
	}

	@Test
	void flowsHtmxEnabledTrueSwitchesHtmxSupportOnWithoutHtmxSpringBoot() {
		this.withoutHtmxSpringBoot.withPropertyValues("flows.htmx.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(FlowHtmxSettings.class)
				.hasBean("flowsHtmxErrorFilter"));
	}

	@Test
	void htmxErrorFilterRunsBeforeSpringSecuritysFilters() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("flowsHtmxErrorFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(FlowHtmxErrorFilter.class);
			// Spring Security's filter chain is registered at
			// spring.security.filter.order,
			// -100 by default.
			assertThat(registration.getOrder()).isLessThan(-100);
		});
	}

	@Test
	void htmxSettingsFollowProperties() {
		this.contextRunner.withPropertyValues("flows.htmx.enabled=true")
			.run((context) -> assertThat(context.getBean(FlowHtmxSettings.class)).isEqualTo(FlowHtmxSettings.DEFAULTS));
		this.contextRunner
			.withPropertyValues("flows.htmx.enabled=true", "flows.htmx.fragment=content",
					"flows.htmx.form-fragment=#form", "flows.htmx.out-of-band=:: title,fragments :: progress")
			.run((context) -> assertThat(context.getBean(FlowHtmxSettings.class))
				.isEqualTo(new FlowHtmxSettings("content", "#form", List.of(":: title", "fragments :: progress"))));
		this.contextRunner.withPropertyValues("flows.htmx.form-fragment=")
			.run((context) -> assertThat(context.getBean(FlowHtmxSettings.class).formFragment()).isEmpty());
	}

	@Test
	void htmxSettingsBackOff() {
		FlowHtmxSettings mine = new FlowHtmxSettings("mine", List.of());
		this.contextRunner.withPropertyValues("flows.htmx.enabled=true")
			.withBean(FlowHtmxSettings.class, () -> mine)
			.run((context) -> assertThat(context.getBean(FlowHtmxSettings.class)).isSameAs(mine));
	}

	@Test
	void taskBinderBacksOff() {
		this.contextRunner.withBean("myBinder", TaskBinder.class, () -> TaskBinder.NONE)
			.withPropertyValues("flows.binder.type=principal")
			.run((context) -> assertThat(context.getBean(TaskBinder.class)).isSameAs(TaskBinder.NONE));
	}

	@Test
	void flowWebSettingsBacksOff() {
		FlowWebSettings mine = new FlowWebSettings("x", "y", FlowWebSettings.UnknownTaskAction.RESTART);
		this.contextRunner.withBean(FlowWebSettings.class, () -> mine)
			.run((context) -> assertThat(context.getBean(FlowWebSettings.class)).isSameAs(mine));
	}

	@Test
	void loginRequiredHandlerBacksOff() {
		LoginRequiredHandler mine = (request, response) -> response.setStatus(418);
		this.contextRunner.withBean(LoginRequiredHandler.class, () -> mine)
			.run((context) -> assertThat(context.getBean(LoginRequiredHandler.class)).isSameAs(mine));
	}

	@Test
	void flowEngineAndRegistryBackOff() {
		this.contextRunner.withUserConfiguration(OwnEngineConfiguration.class).run((context) -> {
			assertThat(context.getBean(FlowRegistry.class))
				.isSameAs(context.getBean(OwnEngineConfiguration.class).registry);
			assertThat(context).getBean("myEngine").isSameAs(context.getBean(FlowEngine.class));
		});
	}

	@Test
	void flowHandlerMappingAndConfigurerBackOff() {
		this.contextRunner.withUserConfiguration(OwnWebConfiguration.class).run((context) -> {
			assertThat(context).getBean("myMapping").isSameAs(context.getBean(FlowHandlerMapping.class));
			assertThat(context).getBean("myConfigurer").isSameAs(context.getBean(FlowWebMvcConfigurer.class));
		});
	}

	@Test
	void existingRequestDataValueProcessorIsComposedNotReplaced() {
		this.contextRunner.withUserConfiguration(OwnProcessorConfiguration.class).run((context) -> {
			RequestDataValueProcessor processor = context.getBean("requestDataValueProcessor",
					RequestDataValueProcessor.class);
			assertThat(processor).isInstanceOf(FlowRequestDataValueProcessor.class);
			assertThat(((FlowRequestDataValueProcessor) processor).getDelegate()).isInstanceOf(TokenProcessor.class);
			assertThat(processor.getExtraHiddenFields(new MockHttpServletRequest())).containsEntry("token", "t");
		});
	}

	@Test
	void withSpringSecurityLoginGoesThroughItsEntryPoint() {
		this.contextRunner.run((context) -> assertThatThrownBy(() -> context.getBean(LoginRequiredHandler.class)
			.handle(new MockHttpServletRequest(), new MockHttpServletResponse()))
			.isInstanceOf(AccessDeniedException.class));
	}

	@Test
	void withoutSpringSecurityLoginAnswers401OrRedirectsToTheConfiguredPage() {
		WebApplicationContextRunner withoutSecurity = this.contextRunner
			.withClassLoader(new FilteredClassLoader(ExceptionTranslationFilter.class));
		withoutSecurity.run((context) -> assertThatThrownBy(() -> context.getBean(LoginRequiredHandler.class)
			.handle(new MockHttpServletRequest(), new MockHttpServletResponse())).isInstanceOfSatisfying(
					ResponseStatusException.class, (ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(401)));
		withoutSecurity.withPropertyValues("flows.web.login-url=/sign-in").run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/buy/pay");
			request.setQueryString("_id=abc");
			MockHttpServletResponse response = new MockHttpServletResponse();
			context.getBean(LoginRequiredHandler.class).handle(request, response);
			assertThat(response.getStatus()).isEqualTo(303);
			assertThat(response.getHeader("Location")).isEqualTo("/sign-in?continue=/buy/pay?_id%3Dabc");
		});
	}

	@Test
	void flowDefinitionBeansBuiltInCodeAreRegistered() {
		this.contextRunner
			.withBean(FlowDefinition.class,
					() -> dev.flows.definition.FlowBuilder.flow("built", "/built").action(Steps.Only.class).build())
			.withBean(Steps.Only.class)
			.run((context) -> assertThat(context.getBean(FlowRegistry.class).byPath("/built")).isPresent());
	}

	@Test
	void configurationMetadataDescribesEveryProperty() throws Exception {
		try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode metadata = JsonMapper.builder().build().readTree(json);
			Map<String, JsonNode> byName = new java.util.HashMap<>();
			metadata.get("properties").forEach((property) -> byName.put(property.get("name").asString(), property));
			for (String name : List.of("flows.store.type", "flows.task.id-param", "flows.task.idle-timeout",
					"flows.task.max-state-size", "flows.task.completed-retention", "flows.task.on-unknown",
					"flows.binder.type", "flows.binder.cookie.secret", "flows.cleanup.cron",
					"flows.jpa.initialize-schema", "flows.redis.key-prefix", "flows.htmx.enabled",
					"flows.htmx.fragment", "flows.htmx.form-fragment", "flows.htmx.out-of-band")) {
				assertThat(byName).containsKey(name);
				assertThat(byName.get(name).get("description")).as(name).isNotNull();
			}
			assertThat(byName.get("flows.task.idle-timeout").get("defaultValue").asString()).isEqualTo("20m");
			assertThat(byName.get("flows.task.id-param").get("defaultValue").asString()).isEqualTo("_id");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		TaskStore taskStore() {
			return new InMemoryTaskStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEngineConfiguration {

		final FlowRegistry registry = new FlowRegistry(List.of());

		@Bean
		FlowRegistry myRegistry() {
			return this.registry;
		}

		@Bean
		FlowEngine myEngine(TaskStore store) {
			return new FlowEngine(this.registry, store, dev.flows.state.TaskStateCodec.withDefaults(), List.of(),
					java.time.Clock.systemUTC(), dev.flows.engine.TaskTimeouts.DEFAULTS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebConfiguration {

		@Bean
		FlowHandlerMapping myMapping(FlowEngine engine) {
			return new FlowHandlerMapping(engine, TaskBinder.NONE, FlowWebSettings.DEFAULTS,
					LoginRequiredHandler.unauthorized());
		}

		@Bean
		FlowWebMvcConfigurer myConfigurer(FlowEngine engine) {
			return new FlowWebMvcConfigurer(engine, FlowWebSettings.DEFAULTS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProcessorConfiguration {

		@Bean
		RequestDataValueProcessor requestDataValueProcessor() {
			return new TokenProcessor();
		}

	}

	static class TokenProcessor implements RequestDataValueProcessor {

		@Override
		public String processAction(HttpServletRequest request, String action, String httpMethod) {
			return action;
		}

		@Override
		public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
			return value;
		}

		@Override
		public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
			return Map.of("token", "t");
		}

		@Override
		public String processUrl(HttpServletRequest request, String url) {
			return url;
		}

	}

	static final class Steps {

		@dev.flows.definition.FlowAction(view = "only")
		static class Only {

			@dev.flows.definition.OnGet
			void show() {
			}

		}

	}

}
