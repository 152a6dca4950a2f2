package dev.flows.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.autoconfigure.FlowsAutoConfiguration;
import dev.flows.autoconfigure.FlowsStoreAutoConfiguration;
import dev.flows.autoconfigure.FlowsWebAutoConfiguration;
import dev.flows.definition.ActionDefinition;
import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinitionException;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import dev.flows.web.testapp.Steps;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A step that keeps its form ({@code @FlowAction(form = "form")}, the street step of the
 * order flow) shows the user's earlier answer when they come back to it, with no code in
 * its {@code @OnGet} method; a step that does not (speed) starts empty; going back to
 * before the step drops what it kept.
 */
@SpringBootTest(classes = OrderApplication.class, properties = "flows.task.max-state-size=2KB")
@AutoConfigureMockMvc
class StepFormWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void aStepThatKeepsItsFormShowsTheEarlierAnswerWhenTheUserComesBack() throws Exception {
		String id = reachCity();

		this.mvc.perform(get("/order/delivery/address/street").param("_id", id).session(this.session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("value", org.hamcrest.Matchers.equalTo("Main Street 1"))));
		this.mvc.perform(get("/order/delivery/speed").param("_id", id).session(this.session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("value", org.hamcrest.Matchers.nullValue())));
	}

	@Test
	void theKeptFormIsOwnedByItsStep() throws Exception {
		String id = reachCity();
		assertThat(this.store.find(id).orElseThrow().state()).contains(ActionDefinition.FORM_KEY_PREFIX + "street");

		submit("delivery/speed", id, "slow");

		assertThat(this.store.find(id).orElseThrow().state())
			.doesNotContain(ActionDefinition.FORM_KEY_PREFIX + "street");
		this.mvc.perform(get("/order/delivery/address/street").param("_id", id).session(this.session))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("value", org.hamcrest.Matchers.nullValue())));
	}

	@Test
	void theStepOwnsTheKeyItKeepsItsFormUnder() {
		ActionDefinition street = FlowBuilder.flow("f", "/f")
			.action(Steps.Street.class)
			.build()
			.action(Position.parse("street"))
			.orElseThrow();

		assertThat(street.formStateKey()).isEqualTo("form:street");
		assertThat(street.ownedStateKeys()).contains("street", "form:street");
	}

	@Test
	void aFormThatNoHandlerArgumentNamesFailsTheStartNamingTheAction() {
		new WebApplicationContextRunner().withClassLoader(new FilteredClassLoader(ExceptionTranslationFilter.class))
			.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
					FlowsWebAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withUserConfiguration(MisnamedFormApplication.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FlowDefinitionException.class)
				.hasMessageContaining(MisnamedForm.class.getName())
				.hasMessageContaining("@ModelAttribute(\"answers\")"));
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ MisnamedFormFlow.class, MisnamedForm.class })
	static class MisnamedFormApplication {

	}

	@Flow(path = "/misnamed", children = MisnamedForm.class)
	static class MisnamedFormFlow {

	}

	@FlowAction(view = "order/step", form = "answers")
	static class MisnamedForm {

		@OnGet
		void show(@ModelAttribute("form") Steps.ValueForm form) {
		}

		@OnPost
		Outcome save(@ModelAttribute("form") Steps.ValueForm form) {
			return Outcome.complete();
		}

	}

	private String reachCity() throws Exception {
		String location = this.mvc
			.perform(post("/order/pick-item").param("item", "book").session(this.session).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).isTrue();
		String id = matcher.group(1);
		submit("account/sign-in", id, "ann");
		submit("delivery/speed", id, "fast");
		submit("delivery/address/street", id, "Main Street 1");
		return id;
	}

	private ResultActions submit(String step, String id, String value) throws Exception {
		return this.mvc
			.perform(post("/order/" + step).param("value", value)
				.param("_id", id)
				.param("_v", Long.toString(this.store.find(id).orElseThrow().version()))
				.session(this.session)
				.with(csrf()))
			.andExpect(status().isSeeOther());
	}

}
