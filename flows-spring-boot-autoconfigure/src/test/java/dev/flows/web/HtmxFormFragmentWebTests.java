package dev.flows.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Forms shown again under htmx with the application's form fragment switched off
 * ({@code flows.htmx.form-fragment} empty): a step answers with its whole fragment,
 * unless it names a form fragment of its own ({@code @FlowAction(formFragment)}).
 */
@SpringBootTest(classes = OrderApplication.class,
		properties = { "flows.htmx.enabled=true", "flows.htmx.form-fragment=", "flows.htmx.out-of-band=:: progress" })
@AutoConfigureMockMvc
class HtmxFormFragmentWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	MockHttpSession session = new MockHttpSession();

	@Test
	void withoutAFormFragmentAFormShownAgainComesWithTheWholeStep() throws Exception {
		String id = start();
		MockHttpServletResponse response = submit("account/sign-in", id, "");
		assertThat(response.getContentAsString()).startsWith("<div>")
			.contains("<h1>Sign in</h1>", "<span class=\"error\">", "hx-swap-oob=\"true\"");
		assertThat(response.getHeader("HX-Retarget")).isNull();
	}

	@Test
	void aStepThatNamesItsFormFragmentShowsOnlyItsFormAgain() throws Exception {
		String id = start();
		submit("account/sign-in", id, "ann");
		submit("delivery/speed", id, "fast");
		MockHttpServletResponse response = submit("delivery/address/street", id, "");
		assertThat(response.getContentAsString().strip()).startsWith("<form id=\"step\"")
			.endsWith("</form>")
			.contains("<span class=\"error\">")
			.doesNotContain("<h1", "hx-swap-oob");
		assertThat(response.getHeader("HX-Retarget")).isEqualTo("#step");
		assertThat(response.getHeader("HX-Reswap")).isEqualTo("outerHTML");
	}

	private String start() throws Exception {
		String location = this.mvc.perform(htmx(post("/order/pick-item").param("item", "book").with(csrf())))
			.andReturn()
			.getResponse()
			.getHeader("HX-Location");
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).as("task id in " + location).isTrue();
		return matcher.group(1);
	}

	private MockHttpServletResponse submit(String step, String id, String value) throws Exception {
		return this.mvc
			.perform(htmx(post("/order/" + step).param("value", value)
				.param("_id", id)
				.param("_v", Long.toString(this.store.find(id).orElseThrow().version()))
				.with(csrf())))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.session(this.session).header("HX-Request", "true").header("HX-Target", "content");
	}

}
