package dev.flows.autoconfigure;

import dev.flows.engine.FlowEngine;
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
import dev.flows.web.StepFormAdvice;
import dev.flows.web.TaskBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Auto-configuration of Flows on Spring MVC: flow URLs, the task binder chosen by
 * {@code flows.binder.type}, the {@code @RequiresLogin} answer (Spring Security's entry
 * point when Security is present), task id fields in every form, composed with any
 * existing {@link RequestDataValueProcessor} such as Security's CSRF one, and, when the
 * application uses htmx, steps that swap in place ({@code flows.htmx.*}).
 */
@AutoConfiguration(after = FlowsAutoConfiguration.class,
		afterName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(FlowEngine.class)
public final class FlowsWebAutoConfiguration {

	/** Spring's well-known bean name, looked up by Thymeleaf and JSP form tags. */
	static final String REQUEST_DATA_VALUE_PROCESSOR = "requestDataValueProcessor";

	FlowsWebAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FlowWebSettings flowsWebSettings(FlowsProperties properties) {
		return new FlowWebSettings(properties.getTask().getIdParam(), properties.getWeb().getVersionParam(),
				(properties.getTask().getOnUnknown() == FlowsProperties.UnknownTaskResponse.NOT_FOUND)
						? FlowWebSettings.UnknownTaskAction.NOT_FOUND : FlowWebSettings.UnknownTaskAction.RESTART);
	}

	@Bean
	@ConditionalOnMissingBean
	TaskBinder flowsTaskBinder(FlowsProperties properties) {
		FlowsProperties.Binder binder = properties.getBinder();
		return switch (binder.getType()) {
			case SESSION -> new SessionTaskBinder();
			case PRINCIPAL -> new PrincipalTaskBinder();
			case COOKIE -> cookieBinder(binder.getCookie());
			case NONE -> TaskBinder.NONE;
		};
	}

	private static CookieTaskBinder cookieBinder(FlowsProperties.Binder.Cookie cookie) {
		String secret = cookie.getSecret();
		if (secret == null || secret.length() < 16) {
			throw new FlowsConfigurationException(
					"flows.binder.type=cookie, but flows.binder.cookie.secret is "
							+ ((secret == null) ? "not set" : "shorter than 16 characters"),
					"Set flows.binder.cookie.secret to a random value of at least 16 characters, the same on every"
							+ " node (from the environment, not from source control), or choose another flows.binder.type");
		}
		return new CookieTaskBinder(secret, cookie.getName(), cookie.isSecure());
	}

	@Bean
	@ConditionalOnMissingBean
	FlowHandlerMapping flowsHandlerMapping(FlowEngine engine, TaskBinder binder, FlowWebSettings settings,
			LoginRequiredHandler loginRequiredHandler, ObjectProvider<FlowHtmxSettings> htmx,
			FlowsProperties properties) {
		FlowHandlerMapping mapping = new FlowHandlerMapping(engine, binder, settings, loginRequiredHandler,
				htmx.getIfAvailable());
		mapping.setGraphEnabled(properties.getGraph().isEnabled());
		return mapping;
	}

	@Bean
	@ConditionalOnMissingBean
	StepFormAdvice flowsStepFormAdvice(FlowHandlerMapping mapping) {
		return new StepFormAdvice(mapping);
	}

	@Bean
	@ConditionalOnMissingBean
	FlowWebMvcConfigurer flowsWebMvcConfigurer(FlowEngine engine, FlowWebSettings settings) {
		return new FlowWebMvcConfigurer(engine, settings);
	}

	@Bean
	@ConditionalOnMissingBean(name = REQUEST_DATA_VALUE_PROCESSOR)
	RequestDataValueProcessor requestDataValueProcessor(FlowWebSettings settings) {
		return new FlowRequestDataValueProcessor(null, settings);
	}

	@Bean
	static BeanPostProcessor flowsRequestDataValueProcessorComposer(ObjectProvider<FlowWebSettings> settings) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (REQUEST_DATA_VALUE_PROCESSOR.equals(beanName) && bean instanceof RequestDataValueProcessor existing
						&& !(bean instanceof FlowRequestDataValueProcessor)) {
					return new FlowRequestDataValueProcessor(existing, settings.getObject());
				}
				return bean;
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(HtmxCondition.class)
	static class HtmxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FlowHtmxSettings flowsHtmxSettings(FlowsProperties properties) {
			FlowsProperties.Htmx htmx = properties.getHtmx();
			return new FlowHtmxSettings(htmx.getFragment(), htmx.getFormFragment(), htmx.getOutOfBand());
		}

		@Bean
		@ConditionalOnMissingBean(name = "flowsHtmxErrorFilter")
		FilterRegistrationBean<FlowHtmxErrorFilter> flowsHtmxErrorFilter(FlowEngine engine) {
			FilterRegistrationBean<FlowHtmxErrorFilter> registration = new FilterRegistrationBean<>(
					new FlowHtmxErrorFilter(engine.registry()));
			// Around Spring Security's filters (spring.security.filter.order, -100 by
			// default), whose 403 for a refused CSRF token comes before Flows sees the
			// request.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
			return registration;
		}

	}

	/**
	 * htmx support is on when {@code flows.htmx.enabled} says so, or, when it says
	 * nothing, when htmx-spring-boot is on the classpath (the application uses htmx).
	 */
	static class HtmxCondition extends SpringBootCondition {

		private static final String LIBRARY = "io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Flows htmx support");
			Boolean enabled = context.getEnvironment().getProperty("flows.htmx.enabled", Boolean.class);
			if (enabled != null) {
				return new ConditionOutcome(enabled, message.because("flows.htmx.enabled is " + enabled));
			}
			return ClassUtils.isPresent(LIBRARY, context.getClassLoader())
					? ConditionOutcome.match(message.found("class").items(LIBRARY))
					: ConditionOutcome.noMatch(message.didNotFind("class").items(LIBRARY));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AccessDeniedException.class,
			org.springframework.security.web.access.ExceptionTranslationFilter.class })
	static class SecurityLoginConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LoginRequiredHandler flowsLoginRequiredHandler() {
			// Spring Security's ExceptionTranslationFilter saves the request and starts
			// its own
			// entry point (the login page), then brings the user back to this step of
			// this task.
			return (request, response) -> {
				throw new AccessDeniedException("This step requires signing in");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.web.access.ExceptionTranslationFilter")
	static class PlainLoginConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LoginRequiredHandler flowsLoginRequiredHandler(FlowsProperties properties) {
			String loginUrl = properties.getWeb().getLoginUrl();
			return (loginUrl != null) ? LoginRequiredHandler.redirectTo(loginUrl) : LoginRequiredHandler.unauthorized();
		}

	}

}
