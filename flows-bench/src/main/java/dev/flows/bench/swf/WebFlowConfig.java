package dev.flows.bench.swf;

import java.util.List;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.webflow.config.AbstractFlowConfiguration;
import org.springframework.webflow.definition.registry.FlowDefinitionRegistry;
import org.springframework.webflow.engine.builder.support.FlowBuilderServices;
import org.springframework.webflow.executor.FlowExecutor;
import org.springframework.webflow.mvc.builder.MvcViewFactoryCreator;
import org.springframework.webflow.mvc.servlet.FlowHandlerAdapter;
import org.springframework.webflow.mvc.servlet.FlowHandlerMapping;

/**
 * Variant (c): Spring Web Flow 4.0.0 with Java config as its reference guide shows it
 * (bean names {@code flowRegistry}, {@code flowExecutor}, {@code flowBuilderServices},
 * {@code flowHandlerMapping}, {@code flowHandlerAdapter}), its views rendered by Boot's
 * Thymeleaf resolver, and every other setting at its default: flow executions kept as
 * serialized snapshots in the HttpSession, a redirect after every submit. The flow is
 * {@code classpath:swf/wizard.xml}, mounted at {@code /swf}.
 */
@Configuration(proxyBeanMethods = true)
public class WebFlowConfig extends AbstractFlowConfiguration {

	private final ThymeleafViewResolver thymeleafViewResolver;

	private final LocalValidatorFactoryBean validator;

	public WebFlowConfig(ThymeleafViewResolver thymeleafViewResolver, LocalValidatorFactoryBean validator) {
		this.thymeleafViewResolver = thymeleafViewResolver;
		this.validator = validator;
	}

	@Bean
	public FlowDefinitionRegistry flowRegistry() {
		return getFlowDefinitionRegistryBuilder(flowBuilderServices()).setBasePath("classpath:swf")
			.addFlowLocation("wizard.xml", "swf")
			.build();
	}

	@Bean
	public FlowExecutor flowExecutor() {
		return getFlowExecutorBuilder(flowRegistry()).build();
	}

	@Bean
	public FlowBuilderServices flowBuilderServices() {
		return getFlowBuilderServicesBuilder().setViewFactoryCreator(mvcViewFactoryCreator())
			.setValidator(this.validator)
			.setDevelopmentMode(false)
			.build();
	}

	@Bean
	public MvcViewFactoryCreator mvcViewFactoryCreator() {
		MvcViewFactoryCreator factoryCreator = new MvcViewFactoryCreator();
		factoryCreator.setViewResolvers(List.of(this.thymeleafViewResolver));
		factoryCreator.setUseSpringBeanBinding(true);
		return factoryCreator;
	}

	@Bean
	public FlowHandlerMapping flowHandlerMapping() {
		FlowHandlerMapping mapping = new FlowHandlerMapping();
		mapping.setOrder(-1);
		mapping.setFlowRegistry(flowRegistry());
		return mapping;
	}

	@Bean
	public FlowHandlerAdapter flowHandlerAdapter() {
		FlowHandlerAdapter adapter = new FlowHandlerAdapter();
		adapter.setFlowExecutor(flowExecutor());
		adapter.setSaveOutputToFlashScopeOnRedirect(true);
		return adapter;
	}

}
