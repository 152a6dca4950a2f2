package dev.flows.web.swfapp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.webflow.mvc.servlet.FlowHandlerAdapter;
import org.springframework.webflow.mvc.servlet.FlowHandlerMapping;

/**
 * Spring Web Flow's Spring MVC integration ("Dispatching to Flows" in its reference
 * guide, the booking-mvc sample's {@code WebMvcConfig}): {@code flowHandlerMapping} maps
 * {@code /register} to the flow {@code register}, {@code flowHandlerAdapter} runs it.
 */
@Configuration
public class WebFlowMvcConfig {

	@Autowired
	private WebFlowConfig webFlowConfig;

	@Bean
	public FlowHandlerMapping flowHandlerMapping() {
		FlowHandlerMapping handlerMapping = new FlowHandlerMapping();
		handlerMapping.setOrder(-1);
		handlerMapping.setFlowRegistry(this.webFlowConfig.flowRegistry());
		return handlerMapping;
	}

	@Bean
	public FlowHandlerAdapter flowHandlerAdapter() {
		FlowHandlerAdapter handlerAdapter = new FlowHandlerAdapter();
		handlerAdapter.setFlowExecutor(this.webFlowConfig.flowExecutor());
		return handlerAdapter;
	}

}
