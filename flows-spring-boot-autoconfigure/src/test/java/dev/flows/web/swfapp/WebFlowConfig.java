package dev.flows.web.swfapp;

import java.util.List;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.webflow.config.AbstractFlowConfiguration;
import org.springframework.webflow.definition.registry.FlowDefinitionRegistry;
import org.springframework.webflow.engine.builder.support.FlowBuilderServices;
import org.springframework.webflow.executor.FlowExecutor;
import org.springframework.webflow.mvc.builder.MvcViewFactoryCreator;
import org.springframework.webflow.mvc.servlet.FlowHandlerAdapter;
import org.springframework.webflow.mvc.servlet.FlowHandlerMapping;

/**
 * Spring Web Flow's system setup, as the Java configuration of its reference guide
 * ("System Setup", "Dispatching to Flows") and its booking-mvc sample write it: the bean
 * names {@code flowRegistry}, {@code flowExecutor}, {@code flowBuilderServices},
 * {@code mvcViewFactoryCreator}, {@code flowHandlerMapping} and
 * {@code flowHandlerAdapter}, with flow views rendered by the Thymeleaf view resolver
 * Spring Boot configures. README.md shows this class ("Running both side by side"), and
 * ReadmeTest checks that it is the same.
 * <p>
 * Flows are registered from {@code classpath:swf/**}{@code /*-flow.xml}; the flow id is
 * the directory, so {@code swf/register/register-flow.xml} is the flow {@code register},
 * served at {@code /register}.
 */
@Configuration
public class WebFlowConfig extends AbstractFlowConfiguration {

	@Autowired
	private ThymeleafViewResolver thymeleafViewResolver; // the one Spring Boot configures

	@Bean
	public FlowDefinitionRegistry flowRegistry() {
		return getFlowDefinitionRegistryBuilder(flowBuilderServices()).setBasePath("classpath:swf")
			.addFlowLocationPattern("/**/*-flow.xml")
			.build();
	}

	@Bean
	public FlowExecutor flowExecutor() {
		return getFlowExecutorBuilder(flowRegistry()).build();
	}

	@Bean
	public FlowBuilderServices flowBuilderServices() {
		return getFlowBuilderServicesBuilder().setViewFactoryCreator(mvcViewFactoryCreator()).build();
	}

	@Bean
	public MvcViewFactoryCreator mvcViewFactoryCreator() {
		MvcViewFactoryCreator creator = new MvcViewFactoryCreator();
		creator.setViewResolvers(List.of(this.thymeleafViewResolver));
		creator.setUseSpringBeanBinding(true); // binds with a BeanWrapper, as Spring MVC
												// does
		return creator;
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
		return adapter;
	}

}
