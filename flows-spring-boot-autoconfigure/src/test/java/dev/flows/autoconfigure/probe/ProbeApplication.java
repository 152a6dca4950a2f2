package dev.flows.autoconfigure.probe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An application with one flow and every auto-configuration its class path offers,
 * started by {@code FlowsClasspathExclusionTests} inside a class loader that lacks some
 * jars. Only names and strings cross into the test's class loader, so nothing here may be
 * shared with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ProbeApplication.Wizard.class, ProbeApplication.Plan.class })
public class ProbeApplication {

	/** Bean names reported when the context has them. */
	private static final List<String> BEANS = List.of("flowsEngine", "flowsHandlerMapping", "flowsCleanup",
			"flowsEndpoint", "flowsTaskSchemaInitializer", "flowsTaskEntityCustomizer", "thymeleafViewResolver");

	/**
	 * Types reported with their number of beans, or as absent when the class path lacks
	 * them.
	 */
	private static final List<String> TYPES = List.of("javax.sql.DataSource",
			"jakarta.persistence.EntityManagerFactory",
			"org.springframework.data.redis.connection.RedisConnectionFactory",
			"org.springframework.security.web.SecurityFilterChain", "io.micrometer.core.instrument.MeterRegistry");

	/**
	 * Starts the application as a servlet web application, reports what it holds, and
	 * closes it.
	 * @param properties {@code name=value} pairs
	 * @return {@code failure} (a stack trace) if it did not start; else {@code store}
	 * (the task store's class), {@code login} (the class of the {@code @RequiresLogin}
	 * answer), one entry per bean name of {@link #BEANS} it has, and one per type of
	 * {@link #TYPES}
	 */
	public static Map<String, String> start(String... properties) {
		Map<String, String> report = new LinkedHashMap<>();
		new WebApplicationContextRunner().withUserConfiguration(ProbeApplication.class)
			.withPropertyValues(properties)
			.run((context) -> {
				if (context.getStartupFailure() != null) {
					StringWriter trace = new StringWriter();
					context.getStartupFailure().printStackTrace(new PrintWriter(trace));
					report.put("failure", trace.toString());
					return;
				}
				report.put("store", beanClass(context, "dev.flows.store.TaskStore"));
				report.put("login", beanClass(context, "dev.flows.web.LoginRequiredHandler"));
				for (String name : BEANS) {
					if (context.containsBean(name)) {
						report.put(name, "present");
					}
				}
				for (String type : TYPES) {
					report.put(type, ClassUtils.isPresent(type, ProbeApplication.class.getClassLoader())
							? String.valueOf(context.getBeanNamesForType(load(type)).length) : "no class");
				}
			});
		return report;
	}

	private static String beanClass(ApplicationContext context, String type) {
		return context.getBean(load(type)).getClass().getName();
	}

	private static Class<?> load(String type) {
		return ClassUtils.resolveClassName(type, ProbeApplication.class.getClassLoader());
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
