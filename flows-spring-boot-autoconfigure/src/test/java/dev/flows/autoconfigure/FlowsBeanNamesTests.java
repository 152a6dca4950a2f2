package dev.flows.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bean Flows' auto-configuration defines is named {@code flows...}, so that no
 * application bean can clash with one: Spring Web Flow's reference guide names its beans
 * {@code flowRegistry}, {@code flowExecutor}, {@code flowHandlerMapping},
 * {@code flowHandlerAdapter}, {@code flowBuilderServices}, and Boot refuses to start when
 * two definitions share a name. The one exception is {@code requestDataValueProcessor},
 * Spring's well-known name that Thymeleaf and JSP form tags look up (Flows composes with
 * an existing one instead of defining its own).
 */
class FlowsBeanNamesTests {

	private static final String REQUEST_DATA_VALUE_PROCESSOR = "requestDataValueProcessor";

	/**
	 * Every {@code @Bean} method of every configuration class Flows' auto-configuration
	 * reaches.
	 */
	@Test
	void everyBeanMethodOfTheAutoConfigurationHasAFlowsName() {
		Set<String> names = new TreeSet<>();
		for (Class<?> configuration : flowsConfigurationClasses()) {
			for (Method method : configuration.getDeclaredMethods()) {
				Bean bean = AnnotatedElementUtils.findMergedAnnotation(method, Bean.class);
				if (bean != null) {
					names.addAll((bean.name().length > 0) ? List.of(bean.name()) : List.of(method.getName()));
				}
			}
		}
		assertThat(names).as("the scan reaches nested and imported configurations")
			.contains("flowsRegistry", "flowsEngine", "flowsHandlerMapping", "flowsTaskStore", "flowsTaskCleaner",
					"flowsEndpoint", "flowsLoginRequiredHandler", "flowsTaskSchemaInitializer",
					REQUEST_DATA_VALUE_PROCESSOR);
		assertThat(names).allSatisfy((name) -> assertThat(name).satisfiesAnyOf((n) -> assertThat(n).startsWith("flows"),
				(n) -> assertThat(n).isEqualTo(REQUEST_DATA_VALUE_PROCESSOR)));
	}

	/**
	 * The beans actually registered, in applications with each store and with or without
	 * Security: every name the context has with Flows' auto-configuration and not without
	 * it.
	 */
	@Test
	void everyBeanTheAutoConfigurationRegistersHasAFlowsName() {
		Registered registered = new Registered();
		registeredByFlows(registered,
				(runner) -> runner.withPropertyValues("management.endpoints.web.exposure.include=flows"));
		registeredByFlows(registered,
				(runner) -> runner.withClassLoader(new FilteredClassLoader("org.springframework.security")));
		registeredByFlows(registered,
				(runner) -> runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
						HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class)));
		registeredByFlows(registered,
				(runner) -> runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class)));

		assertThat(registered.byFlows).as("what the four applications get from Flows")
			.contains("flowsRegistry", "flowsEngine", "flowsTaskStore", "flowsHandlerMapping", "flowsWebMvcConfigurer",
					"flowsLoginRequiredHandler", "flowsTaskCleaner", "flowsEndpoint", "flowsTaskSchemaInitializer",
					REQUEST_DATA_VALUE_PROCESSOR);
		Set<String> configurations = new TreeSet<>();
		flowsConfigurationClasses().forEach((type) -> configurations.add(type.getName()));
		assertThat(registered.byFlows)
			.allSatisfy((name) -> assertThat(name).satisfiesAnyOf((n) -> assertThat(n).startsWith("flows"),
					(n) -> assertThat(n).isEqualTo(REQUEST_DATA_VALUE_PROCESSOR),
					// a configuration class is named by its fully qualified class name,
					// as Boot's own are
					(n) -> assertThat(configurations).contains(n)));
		// What Flows' @EnableConfigurationProperties, @EnableScheduling and database
		// initialization
		// ordering register: Spring's own infrastructure, under Spring's names,
		// registered only once
		assertThat(registered.infrastructure).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).startsWith("org.springframework."));
	}

	private static final class Registered {

		/** Defined by a Flows configuration class, or of a Flows type. */
		final Set<String> byFlows = new TreeSet<>();

		/** Spring's own beans that Flows' {@code @Enable...} annotations bring. */
		final Set<String> infrastructure = new TreeSet<>();

	}

	private static void registeredByFlows(Registered registered, UnaryOperator<WebApplicationContextRunner> setup) {
		Set<String> without = new TreeSet<>();
		setup.apply(new WebApplicationContextRunner()).run((context) -> {
			assertThat(context).hasNotFailed();
			without.addAll(List.of(context.getBeanDefinitionNames()));
		});
		setup
			.apply(new WebApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(flowsAutoConfigurations())))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
				for (String name : context.getBeanDefinitionNames()) {
					if (without.contains(name)) {
						continue;
					}
					BeanDefinition definition = beanFactory.getBeanDefinition(name);
					String factoryBean = definition.getFactoryBeanName();
					String origin = (factoryBean != null)
							? beanFactory.getBeanDefinition(factoryBean).getBeanClassName()
							: definition.getBeanClassName();
					boolean flows = (origin != null && origin.startsWith("dev.flows."))
							|| (definition.getResourceDescription() != null
									&& definition.getResourceDescription().contains("dev/flows/"));
					(flows ? registered.byFlows : registered.infrastructure).add(name);
				}
			});
	}

	/** Flows' entries in {@code META-INF/spring/...AutoConfiguration.imports}. */
	private static Class<?>[] flowsAutoConfigurations() {
		List<Class<?>> classes = ImportCandidates
			.load(AutoConfiguration.class, FlowsBeanNamesTests.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.flows."))
			.<Class<?>>map(FlowsBeanNamesTests::load)
			.toList();
		assertThat(classes).isNotEmpty();
		return classes.toArray(Class<?>[]::new);
	}

	/**
	 * The auto-configurations and every configuration they nest or import, transitively.
	 */
	private static Set<Class<?>> flowsConfigurationClasses() {
		Set<Class<?>> found = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>(List.of(flowsAutoConfigurations()));
		while (!pending.isEmpty()) {
			Class<?> type = pending.pop();
			if (!type.getName().startsWith("dev.flows.") || !found.add(type)) {
				continue;
			}
			pending.addAll(List.of(type.getDeclaredClasses()));
			Import imports = type.getAnnotation(Import.class);
			if (imports != null) {
				pending.addAll(List.of(imports.value()));
			}
		}
		return found;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, FlowsBeanNamesTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
