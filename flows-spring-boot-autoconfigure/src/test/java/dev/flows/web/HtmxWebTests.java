package dev.flows.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import dev.flows.web.testapp.PickItem;
import dev.flows.web.testapp.Review;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Steps that swap in place: the same flow as {@link FlowWebTests}, asked by htmx (the
 * {@code HX-Request} header, the target {@code #content}). Every rule users rely on holds
 * under htmx too; requests without the header are answered exactly as without htmx
 * support.
 */
@SpringBootTest(classes = OrderApplication.class,
		properties = { "flows.htmx.enabled=true", "flows.htmx.out-of-band=:: progress,:: title" })
@AutoConfigureMockMvc
class HtmxWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	private static final Pattern HIDDEN_ID = Pattern.compile("name=\"_id\" value=\"([A-Za-z0-9_-]{22})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	@Autowired
	FlowEngine engine;

	@Autowired
	Review review;

	@Autowired
	PickItem pickItem;

	MockHttpSession session = new MockHttpSession();

	// --- without htmx, nothing changes ---

	@Test
	void requestsWithoutHxRequestAreAnsweredAsWithoutHtmxSupport() throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/order/pick-item").param("item", "book").session(this.session).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(303);
		assertThat(created.getHeader("Location")).startsWith("/order/account/sign-in?_id=");
		assertThat(created.getHeader("HX-Location")).isNull();
		String id = taskId(created.getHeader("Location"));
		MockHttpServletResponse page = this.mvc
			.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html", "<main id=\"content\">", "<ol class=\"progress\"")
			.as("out-of-band markers only in fragments")
			.doesNotContain("hx-swap-oob");
		assertThat(page.getHeaders("Vary")).contains("HX-Request");
	}

	// --- fragments ---

	@Test
	void htmxGetAnswersTheStepsFragmentWithItsFormFieldsAndTheOutOfBandViews() throws Exception {
		String id = start();
		MockHttpServletResponse response = this.mvc.perform(htmx(get("/order/account/sign-in").param("_id", id)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		assertThat(html).startsWith("<div>")
			.contains("<h1>Sign in</h1>")
			.contains("name=\"_id\" value=\"" + id + "\"", "name=\"_v\" value=\"0\"", "name=\"_csrf\"")
			.contains("<ol class=\"progress\" id=\"progress\" hx-swap-oob=\"true\">")
			.contains("<li class=\"done\">Pick an item</li><li class=\"current\">Account</li>")
			.contains("<title>Sign in</title>")
			.doesNotContain("<html", "<body", "<main");
		assertThat(response.getHeader("HX-Push-Url")).as("a GET's URL is the page's own").isNull();
	}

	@Test
	void aStepWithoutTheOutOfBandFragmentsRendersJustItsOwn() throws Exception {
		String html = this.mvc.perform(htmx(get("/order"))).andReturn().getResponse().getContentAsString();
		assertThat(html).startsWith("<div>").contains("<h1>Pick an item</h1>").doesNotContain("progress");
	}

	@Test
	void aStepNamesItsOwnFragment() throws Exception {
		String id = startAndReachReview();
		String html = this.mvc.perform(htmx(get("/order/review").param("_id", id)).with(user("alice")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).startsWith("<div><p id=\"item\">book</p></div>").doesNotContain("<h1", "<form");
	}

	@Test
	void historyRestoresAndRequestsWithoutATargetGetTheWholePage() throws Exception {
		String id = start();
		assertThat(this.mvc
			.perform(htmx(get("/order/account/sign-in").param("_id", id)).header("HX-History-Restore-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<html", "<main id=\"content\">");
		assertThat(this.mvc
			.perform(get("/order/account/sign-in").param("_id", id).session(this.session).header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<html", "<main id=\"content\">");
	}

	@Test
	void validationErrorsReRenderOnlyTheFormSwappedOverTheFormAndKeepTheAddressBar() throws Exception {
		String id = start();
		int writes = this.store.writes();
		MockHttpServletResponse response = this.mvc
			.perform(htmx(withTask(post("/order/account/sign-in").param("value", ""), id)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString().strip()).startsWith("<form id=\"step\" method=\"post\"")
			.endsWith("</form>")
			.contains("<span class=\"error\">")
			.contains("name=\"_id\" value=\"" + id + "\"", "name=\"_v\" value=\"0\"", "name=\"_csrf\"")
			.as("the heading, Back and Cancel, the progress indicator and the title stay as they are")
			.doesNotContain("<h1", "id=\"back\"", "id=\"cancel\"", "progress", "hx-swap-oob", "<title", "<html");
		assertThat(response.getHeader("HX-Retarget")).isEqualTo("#step");
		assertThat(response.getHeader("HX-Reswap")).isEqualTo("outerHTML");
		assertThat(response.getHeader("HX-Push-Url")).isEqualTo("false");
		assertThat(this.store.writes()).isEqualTo(writes);
	}

	@Test
	void aViewWithoutAFormFragmentShowsItsFormAgainWithTheWholeStep() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(htmx(post("/order/pick-item").param("item", "").with(csrf())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).startsWith("<div>")
			.contains("<h1>Pick an item</h1>", "<span class=\"error\">", "<title>Pick an item</title>");
		assertThat(response.getHeader("HX-Retarget")).isNull();
		assertThat(response.getHeader("HX-Push-Url")).isEqualTo("false");
	}

	// --- moves ---

	@Test
	void theFirstSubmitCreatesTheTaskAndSwapsInItsNextStep() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(htmx(post("/order/pick-item").param("item", "book").with(csrf())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Location")).isNull();
		String location = response.getHeader("HX-Location");
		assertThat(location)
			.matches("\\{\"path\":\"/order/account/sign-in\\?_id=[A-Za-z0-9_-]{22}\",\"target\":\"#content\"}");
		assertThat(this.engine.load(taskId(location)).position()).isEqualTo(Position.parse("account/sign-in"));
	}

	@Test
	void eachMoveAnswersHxLocationToTheNextStepsRealUrl() throws Exception {
		String id = start();
		submit("account/sign-in", id, "ann")
			.andExpect((result) -> assertThat(result.getResponse().getHeader("HX-Location"))
				.isEqualTo(location("/order/delivery/speed?_id=" + id)));
		submit("delivery/speed", id, "fast")
			.andExpect((result) -> assertThat(result.getResponse().getHeader("HX-Location"))
				.isEqualTo(location("/order/delivery/address/street?_id=" + id)));
		MockHttpServletResponse back = this.mvc.perform(htmx(withTask(post("/order/_back"), id)))
			.andReturn()
			.getResponse();
		assertThat(back.getHeader("HX-Location")).isEqualTo(location("/order/delivery/speed?_id=" + id));
	}

	@Test
	void aStalePostUnderHtmxGoesToWhereTheTaskIsWithoutRunningTheStepAgain() throws Exception {
		String id = start();
		submit("account/sign-in", id, "ann");
		MockHttpServletResponse stale = this.mvc
			.perform(htmx(withVersion(post("/order/account/sign-in").param("value", "zoe"), id, 0)))
			.andReturn()
			.getResponse();
		assertThat(stale.getHeader("HX-Location")).isEqualTo(location("/order/delivery/speed?_id=" + id));
		assertThat(this.engine.load(id).state().get("name", String.class)).isEqualTo("ann");
	}

	@Test
	void noSkippingAheadUnderHtmx() throws Exception {
		String id = start();
		MockHttpServletResponse ahead = this.mvc.perform(htmx(get("/order/delivery/address/city").param("_id", id)))
			.andReturn()
			.getResponse();
		assertThat(ahead.getStatus()).isEqualTo(200);
		assertThat(ahead.getHeader("HX-Location")).isEqualTo(location("/order/account/sign-in?_id=" + id));
		assertThat(ahead.getContentAsString()).isEmpty();
	}

	@Test
	void aStepInHistoryRendersUnderHtmxAndAPostThereRewinds() throws Exception {
		String id = start();
		submit("account/sign-in", id, "ann");
		submit("delivery/speed", id, "fast");
		assertThat(this.mvc.perform(htmx(get("/order/account/sign-in").param("_id", id)))
			.andReturn()
			.getResponse()
			.getContentAsString()).startsWith("<div>").contains("<h1>Sign in</h1>");
		submit("account/sign-in", id, "zoe")
			.andExpect((result) -> assertThat(result.getResponse().getHeader("HX-Location"))
				.isEqualTo(location("/order/delivery/speed?_id=" + id)));
		Task task = this.engine.load(id);
		assertThat(task.state().get("name", String.class)).isEqualTo("zoe");
		assertThat(task.state().contains("speed")).isFalse();
	}

	@Test
	void aDoubleSubmitOfTheLastStepPlacesOneOrderAndBothLoadTheCompletionPageWhole() throws Exception {
		String id = startAndReachReview();
		long version = this.store.find(id).orElseThrow().version();
		int before = this.review.ordersPlaced.get();
		for (int submit = 0; submit < 2; submit++) {
			MockHttpServletResponse response = this.mvc
				.perform(htmx(withVersion(post("/order/review").with(user("alice")), id, version)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("HX-Redirect")).isEqualTo("/order/_done?_id=" + id);
			assertThat(response.getHeader("HX-Location")).isNull();
		}
		assertThat(this.review.ordersPlaced.get()).isEqualTo(before + 1);
	}

	@Test
	void aConcurrentDoubleSubmitUnderHtmxRunsTheStepOnceAndBothCopiesSwapInTheStepAfterIt() throws Exception {
		String id = start();
		long version = this.store.find(id).orElseThrow().version();
		int before = this.pickItem.processed.get();
		// "slow": the first copy holds the step until both were sent.
		List<MockHttpServletResponse> responses = SimultaneousSubmits.send(this.mvc, this.pickItem, 2, () -> htmx(
				withVersion(post("/order/pick-item").param("item", "pen").param("note", "slow"), id, version)));
		assertThat(this.pickItem.processed.get()).as("the step ran once").isEqualTo(before + 1);
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Location")).isNull();
			assertThat(response.getHeader("HX-Location")).isEqualTo(location("/order/account/sign-in?_id=" + id));
		});
		assertThat(this.engine.load(id).state().get("item", PickItem.Item.class).id()).isEqualTo("pen");
		assertThat(this.store.find(id).orElseThrow().version()).isEqualTo(version + 1);
	}

	@Test
	void aDoubleClickOnTheFirstStepUnderHtmxCreatesOneTaskAndBothCopiesSwapInTheStepAfterIt() throws Exception {
		Matcher entry = HIDDEN_ID.matcher(
				this.mvc.perform(get("/order").session(this.session)).andReturn().getResponse().getContentAsString());
		assertThat(entry.find()).isTrue();
		String id = entry.group(1);
		int before = this.pickItem.processed.get();
		// the entry page's id, no version yet: the first submit stores the task
		List<MockHttpServletResponse> responses = SimultaneousSubmits.send(this.mvc, this.pickItem, 2, () -> htmx(
				post("/order/pick-item").param("item", "pen").param("note", "slow").param("_id", id).with(csrf())));
		assertThat(this.pickItem.processed.get()).as("the step ran once").isEqualTo(before + 1);
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Location")).isNull();
			assertThat(response.getHeader("HX-Location")).isEqualTo(location("/order/account/sign-in?_id=" + id));
		});
		assertThat(this.store.find(id).orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void cancelUnderHtmxLeavesTheFlowWithAWholePageLoad() throws Exception {
		String id = start();
		MockHttpServletResponse response = this.mvc.perform(htmx(withTask(post("/order/_cancel"), id)))
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("HX-Redirect")).isEqualTo("/cancelled");
	}

	// --- unknown, refused, login ---

	@Test
	void anUnknownTaskUnderHtmxRestartsTheFlowInPlace() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(htmx(get("/order/account/sign-in").param("_id", "AAAAAAAAAAAAAAAAAAAAAA")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("HX-Location")).isEqualTo(location("/order?_restarted=true"));
		assertThat(this.mvc.perform(htmx(get("/order").param("_restarted", "true")))
			.andReturn()
			.getResponse()
			.getContentAsString()).startsWith("<div>").contains("previous order expired");
	}

	@Test
	void aRefusedRequestUnderHtmxShowsItsErrorPageAsTheWholePage() throws Exception {
		MockHttpServletResponse malformed = this.mvc
			.perform(htmx(get("/order/account/sign-in").param("_id", "../../etc")))
			.andReturn()
			.getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getHeader("HX-Retarget")).isEqualTo("body");
		assertThat(malformed.getHeader("HX-Reswap")).isEqualTo("innerHTML");
		assertThat(malformed.getHeader("HX-Push-Url")).isEqualTo("false");
		MockHttpServletResponse unknownStep = this.mvc.perform(htmx(get("/order/no-such-step")))
			.andReturn()
			.getResponse();
		assertThat(unknownStep.getStatus()).isEqualTo(404);
		assertThat(unknownStep.getHeader("HX-Retarget")).isEqualTo("body");
	}

	@Test
	void aFormWhoseCsrfTokenSecurityRefusesShowsTheErrorPageAsTheWholePage() throws Exception {
		String id = start();
		MockHttpServletResponse refused = this.mvc
			.perform(htmx(post("/order/account/sign-in").param("value", "ann")
				.param("_id", id)
				.param("_v", Long.toString(this.store.find(id).orElseThrow().version()))
				.with(csrf().useInvalidToken())))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getHeader("HX-Retarget")).isEqualTo("body");
		assertThat(refused.getHeader("HX-Reswap")).isEqualTo("innerHTML");
		assertThat(refused.getHeader("HX-Push-Url")).isEqualTo("false");
		assertThat(this.engine.load(id).state().contains("name")).isFalse();
	}

	@Test
	void securitysRefusalsWithoutHtmxOrOutsideFlowsAreLeftAsTheyAre() throws Exception {
		String id = start();
		MockHttpServletResponse withoutHtmx = this.mvc
			.perform(post("/order/account/sign-in").param("value", "ann")
				.param("_id", id)
				.session(this.session)
				.with(csrf().useInvalidToken()))
			.andReturn()
			.getResponse();
		assertThat(withoutHtmx.getStatus()).isEqualTo(403);
		assertThat(withoutHtmx.getHeader("HX-Retarget")).isNull();
		MockHttpServletResponse elsewhere = this.mvc
			.perform(htmx(post("/orders-elsewhere").param("value", "ann").with(csrf().useInvalidToken())))
			.andReturn()
			.getResponse();
		assertThat(elsewhere.getStatus()).isEqualTo(403);
		assertThat(elsewhere.getHeader("HX-Retarget")).isNull();
		assertThat(elsewhere.getHeader("HX-Push-Url")).isNull();
	}

	@Test
	void aStepThatRequiresLoginLoadsWholeUnderHtmxSoThatTheLoginPageIsAPage() throws Exception {
		String id = startAndReachReview();
		MockHttpServletResponse response = this.mvc.perform(htmx(get("/order/review").param("_id", id)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("HX-Redirect")).isEqualTo("/order/review?_id=" + id);
	}

	// --- helpers ---

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.session(this.session).header("HX-Request", "true").header("HX-Target", "content");
	}

	private static String location(String path) {
		return "{\"path\":\"" + path + "\",\"target\":\"#content\"}";
	}

	private String start() throws Exception {
		String location = this.mvc.perform(htmx(post("/order/pick-item").param("item", "book").with(csrf())))
			.andReturn()
			.getResponse()
			.getHeader("HX-Location");
		return taskId(location);
	}

	private String startAndReachReview() throws Exception {
		String id = start();
		submit("account/sign-in", id, "ann");
		submit("delivery/speed", id, "fast");
		submit("delivery/address/street", id, "Main");
		submit("delivery/address/city", id, "Town");
		return id;
	}

	private org.springframework.test.web.servlet.ResultActions submit(String step, String id, String value)
			throws Exception {
		return this.mvc.perform(htmx(withTask(post("/order/" + step).param("value", value), id)))
			.andExpect((result) -> assertThat(result.getResponse().getHeader("HX-Location")).isNotNull());
	}

	private MockHttpServletRequestBuilder withTask(MockHttpServletRequestBuilder request, String id) {
		return withVersion(request, id, this.store.find(id).orElseThrow().version());
	}

	private MockHttpServletRequestBuilder withVersion(MockHttpServletRequestBuilder request, String id, long version) {
		return request.param("_id", id).param("_v", Long.toString(version)).session(this.session).with(csrf());
	}

	private static String taskId(String location) {
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).as("task id in " + location).isTrue();
		return matcher.group(1);
	}

}
