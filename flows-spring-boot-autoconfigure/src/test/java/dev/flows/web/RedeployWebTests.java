package dev.flows.web;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.store.TaskRecord;
import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tasks stored by an older build of the application: answers whose Java type changed
 * since, steps that were renamed or removed. None of them is a server error; the task
 * resumes as far as it still fits.
 */
@SpringBootTest(classes = OrderApplication.class, properties = "flows.task.max-state-size=2KB")
@AutoConfigureMockMvc
class RedeployWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void anAnswerThatNoLongerReadsAsItsTypeSendsTheTaskBackToTheStepThatGaveIt() throws Exception {
		String id = startAndReachReview();
		// The older build stored the item as its id alone; this one reads it as a
		// PickItem.Item.
		rewrite(id, (record) -> withState(record, "{\"item\":[\"book\",\"one\",\"two\"],\"name\":\"ann\"}"));

		this.mvc.perform(get("/order/review").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/pick-item?_id=" + id));

		TaskRecord stored = this.store.find(id).orElseThrow();
		assertThat(stored.position()).isEqualTo("pick-item");
		assertThat(stored.state()).doesNotContain("item").doesNotContain("ann");
		this.mvc.perform(get("/order/pick-item").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isOk());
	}

	@Test
	void aStepThatNoLongerExistsResumesAtTheLatestStepOfTheHistoryThatDoes() throws Exception {
		String id = startAndReachReview();
		rewrite(id,
				(record) -> new TaskRecord(record.id(), record.flow(), "delivery/address/postcode",
						"[\"pick-item\",\"account/sign-in\",\"delivery/speed\",\"delivery/address/region\"]",
						record.state(), record.log(), record.binding(), record.status(), record.version(),
						record.createdAt(), record.updatedAt(), record.expiresAt(), record.owner()));

		this.mvc.perform(get("/order").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/delivery/speed?_id=" + id));
		this.mvc.perform(get("/order/delivery/speed").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isOk());
	}

	@Test
	void aTaskOfWhichNoStepExistsAnyMoreRestartsTheFlow() throws Exception {
		String id = startAndReachReview();
		rewrite(id,
				(record) -> new TaskRecord(record.id(), record.flow(), "gone", "[\"also-gone\"]", record.state(),
						record.log(), record.binding(), record.status(), record.version(), record.createdAt(),
						record.updatedAt(), record.expiresAt(), record.owner()));

		this.mvc.perform(get("/order").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
	}

	private void rewrite(String id, UnaryOperator<TaskRecord> olderBuild) {
		TaskRecord record = this.store.find(id).orElseThrow();
		this.store.delete(id);
		this.store.insert(olderBuild.apply(record));
	}

	private static TaskRecord withState(TaskRecord record, String state) {
		return new TaskRecord(record.id(), record.flow(), record.position(), record.history(), state, record.log(),
				record.binding(), record.status(), record.version(), record.createdAt(), record.updatedAt(),
				record.expiresAt(), record.owner());
	}

	private String startAndReachReview() throws Exception {
		String location = this.mvc.perform(
				post("/order/pick-item").param("item", "book").session(this.session).with(csrf()).with(user("alice")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).isTrue();
		String id = matcher.group(1);
		submit("account/sign-in", id, "ann");
		submit("delivery/speed", id, "fast");
		submit("delivery/address/street", id, "Main");
		submit("delivery/address/city", id, "Town");
		assertThat(this.store.find(id).orElseThrow().position()).isEqualTo("review");
		return id;
	}

	private void submit(String step, String id, String value) throws Exception {
		MockHttpServletRequestBuilder request = post("/order/" + step).param("value", value)
			.param("_id", id)
			.param("_v", Long.toString(this.store.find(id).orElseThrow().version()))
			.session(this.session)
			.with(csrf())
			.with(user("alice"));
		this.mvc.perform(request).andExpect(status().isSeeOther());
	}

}
