package dev.flows.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import dev.flows.web.testapp.PickItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A double click on the flow's first step, before any task exists: the entry page renders
 * the id the first submit stores the task under, so every copy of the submit finds the
 * same task, and the step's handler runs once however slow it is.
 */
@SpringBootTest(classes = OrderApplication.class, properties = "flows.task.max-state-size=2KB")
@AutoConfigureMockMvc
class DoubleSubmitWebTests {

	private static final Pattern HIDDEN_ID = Pattern.compile("name=\"_id\" value=\"([A-Za-z0-9_-]{22})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	PickItem pickItem;

	@Autowired
	CountingTaskStore store;

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void theEntryPageRendersATaskIdAndStoresNothing() throws Exception {
		this.store.resetCounts();

		String page = this.mvc.perform(get("/order").session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HIDDEN_ID.matcher(page).find()).isTrue();
		assertThat(page).doesNotContain("name=\"_v\"");
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void aDoubleClickOnTheFirstStepCreatesOneTaskAndRunsItsHandlerOnce() throws Exception {
		String page = this.mvc.perform(get("/order").session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = HIDDEN_ID.matcher(page);
		assertThat(id.find()).isTrue();
		int before = this.pickItem.processed.get();
		int clicks = 6;
		List<MockHttpServletResponse> responses = SimultaneousSubmits.send(this.mvc, this.pickItem, clicks,
				() -> post("/order/pick-item").param("item", "book")
					.param("note", "slow")
					.param("_id", id.group(1))
					.session(this.session)
					.with(csrf()));
		Set<String> locations = new HashSet<>();
		for (MockHttpServletResponse response : responses) {
			assertThat(response.getStatus()).isEqualTo(303);
			locations.add(response.getRedirectedUrl());
		}

		assertThat(this.pickItem.processed.get()).isEqualTo(before + 1);
		assertThat(locations).containsExactly("/order/account/sign-in?_id=" + id.group(1));
		assertThat(this.store.find(id.group(1)).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void aFirstSubmitWithErrorsKeepsTheTaskSoTheCorrectedSubmitContinuesIt() throws Exception {
		String page = this.mvc.perform(get("/order").session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = HIDDEN_ID.matcher(page);
		assertThat(id.find()).isTrue();

		String redisplayed = this.mvc.perform(
				post("/order/pick-item").param("item", "").param("_id", id.group(1)).session(this.session).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(redisplayed).contains("name=\"_id\" value=\"" + id.group(1) + "\"")
			.contains("name=\"_v\" value=\"0\"");

		MockHttpServletResponse corrected = this.mvc
			.perform(post("/order/pick-item").param("item", "book")
				.param("_id", id.group(1))
				.param("_v", "0")
				.session(this.session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(corrected.getRedirectedUrl()).isEqualTo("/order/account/sign-in?_id=" + id.group(1));
	}

}
