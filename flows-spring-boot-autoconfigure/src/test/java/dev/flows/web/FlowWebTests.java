package dev.flows.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.engine.TaskTransitionedEvent;
import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import dev.flows.web.testapp.PickItem;
import dev.flows.web.testapp.Review;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The rules users rely on, through Spring MVC, Spring Security and Thymeleaf, on a
 * three-level flow: {@code /order} = pick-item, account (explicit), delivery (speed,
 * address (street, city)), review (login and item required).
 */
@SpringBootTest(classes = OrderApplication.class, properties = "flows.task.max-state-size=2KB")
@AutoConfigureMockMvc
class FlowWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	@Autowired
	FlowEngine engine;

	@Autowired
	OrderApplication.MutableClock clock;

	@Autowired
	PickItem pickItem;

	@Autowired
	OrderApplication.TransitionEvents events;

	@Autowired
	Review review;

	MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void reset() {
		this.store.down = false;
		this.store.resetCounts();
	}

	@AfterEach
	void storeUp() {
		this.store.down = false;
	}

	// --- entry and creation ---

	@Test
	void entryGetRendersFirstStepWithQueryParametersAndCreatesNothing() throws Exception {
		this.mvc.perform(get("/order").param("item", "42").session(this.session))
			.andExpect(status().isOk())
			.andExpect(view().name("order/pick"))
			.andExpect(model().attribute("requestedItem", "42"));
		assertThat(this.store.writes()).isZero();
		assertThat(this.store.finds.get()).isZero();
	}

	@Test
	void firstValidPostCreatesTheTaskAndRedirectsWithItsId() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/order/pick-item").param("item", "book").session(this.session).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/order/account/sign-in?_id=");
		assertThat(this.store.inserts.get()).isEqualTo(1);
		assertThat(this.store.updates.get()).isZero();
		Task task = this.engine.load(taskId(location));
		assertThat(task.position()).isEqualTo(Position.parse("account/sign-in"));
		assertThat(task.state().get("item", PickItem.Item.class).id()).isEqualTo("book");
	}

	@Test
	void invalidFirstPostRedisplaysWithErrorsAndCreatesNothing() throws Exception {
		this.mvc.perform(post("/order/pick-item").param("note", "kept").session(this.session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("order/pick"))
			.andExpect(model().attributeHasFieldErrors("form", "item"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("value=\"kept\""));
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void postWithoutCsrfTokenIsRefusedBySpringSecurity() throws Exception {
		this.mvc.perform(post("/order/pick-item").param("item", "book").session(this.session))
			.andExpect(status().isForbidden());
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void formsCarryTaskIdVersionAndCsrfTokenAndFlowLinksCarryTheId() throws Exception {
		String id = start();
		String html = this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("name=\"_csrf\"");
		assertThat(html).contains("name=\"_id\" value=\"" + id + "\"");
		assertThat(html).contains("name=\"_v\" value=\"0\"");
		assertThat(html).contains("href=\"/order?_id=" + id + "\"");
		assertThat(html).contains("href=\"/\"").doesNotContain("href=\"/?_id");
	}

	// --- moving through the flow ---

	@Test
	void wholeFlowRunsToTheCompletionPageWhichSurvivesARefresh() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann")
			.andExpect(header().string("Location", "/order/delivery/speed?_id=" + id));
		submit("delivery/speed", id, "value", "fast");
		submit("delivery/address/street", id, "value", "Main St");
		submit("delivery/address/city", id, "value", "Springfield")
			.andExpect(header().string("Location", "/order/review?_id=" + id));
		int before = this.review.ordersPlaced.get();
		this.mvc.perform(withTask(post("/order/review").with(user("alice")), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/_done?_id=" + id));
		assertThat(this.review.ordersPlaced.get()).isEqualTo(before + 1);
		for (int refresh = 0; refresh < 2; refresh++) {
			this.mvc.perform(get("/order/_done").param("_id", id).session(this.session))
				.andExpect(status().isOk())
				.andExpect(view().name("order/done"))
				.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("book for ann"));
		}
	}

	@Test
	void repeatedFinalPostLandsOnTheCompletionPageWithoutPlacingASecondOrder() throws Exception {
		String id = startAndReachReview();
		long version = version(id);
		this.mvc.perform(withVersion(post("/order/review").with(user("alice")), id, version))
			.andExpect(status().isSeeOther());
		int placed = this.review.ordersPlaced.get();
		this.mvc.perform(withVersion(post("/order/review").with(user("alice")), id, version))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/_done?_id=" + id));
		assertThat(this.review.ordersPlaced.get()).isEqualTo(placed);
	}

	@Test
	void explicitScaffoldFollowsGoTo() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "register")
			.andExpect(header().string("Location", "/order/account/register?_id=" + id));
		submit("account/register", id, "value", "bob")
			.andExpect(header().string("Location", "/order/delivery/speed?_id=" + id));
		assertThat(this.engine.load(id).state().get("registered", Boolean.class)).isTrue();
	}

	@Test
	void skipButtonCompletesASkippableStepWithoutItsHandler() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		this.mvc.perform(withTask(post("/order/delivery/speed").param("_skip", "1"), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/delivery/address/street?_id=" + id));
		assertThat(this.engine.load(id).state().contains("speed")).isFalse();
	}

	@Test
	void resumeRedirectsToTheCurrentStep() throws Exception {
		String id = start();
		this.mvc.perform(get("/order").param("_id", id).session(this.session))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/account/sign-in?_id=" + id));
	}

	@Test
	void stepNotYetReachedRedirectsToTheCurrentStep() throws Exception {
		String id = start();
		this.mvc.perform(get("/order/delivery/address/city").param("_id", id).session(this.session))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/account/sign-in?_id=" + id));
		this.mvc.perform(withTask(post("/order/delivery/address/city").param("value", "x"), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/account/sign-in?_id=" + id));
		assertThat(this.engine.load(id).position()).isEqualTo(Position.parse("account/sign-in"));
	}

	@Test
	void stepInHistoryRendersAndAValidPostThereRewindsTheTask() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("flow"));
		submit("account/sign-in", id, "value", "zoe")
			.andExpect(header().string("Location", "/order/delivery/speed?_id=" + id));
		Task task = this.engine.load(id);
		assertThat(task.state().get("name", String.class)).isEqualTo("zoe");
		assertThat(task.state().contains("speed")).as("state owned by a dropped step").isFalse();
		assertThat(task.history()).containsExactly(Position.parse("pick-item"), Position.parse("account/sign-in"));
	}

	@Test
	void backGoesToThePreviousStep() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		submit("delivery/address/street", id, "value", "Main");
		this.mvc.perform(withTask(post("/order/_back"), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/delivery/address/street?_id=" + id));
		this.mvc.perform(withTask(post("/order/_back"), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/delivery/speed?_id=" + id));
		Task task = this.engine.load(id);
		assertThat(task.state().contains("street")).as("owned by a step after the one gone back to").isFalse();
		assertThat(task.state().get("speed", String.class)).as("kept to prefill the step").isEqualTo("fast");
	}

	@Test
	void cancelDeletesTheTaskAndItsUrlThenStartsOver() throws Exception {
		String id = start();
		this.mvc.perform(withTask(post("/order/_cancel"), id))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/cancelled"));
		assertThat(this.store.find(id)).isEmpty();
		this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
	}

	@Test
	void progressShowsDoneCurrentAndToDoSteps() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		String html = this.mvc.perform(get("/order/delivery/address/street").param("_id", id).session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<li class=\"current\">Street</li>").contains("<li class=\"todo\">City</li>");
		FlowPage page = (FlowPage) this.mvc
			.perform(get("/order/delivery/address/street").param("_id", id).session(this.session))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("flow");
		assertThat(page.getTopLevelProgress()).extracting(FlowPage.Step::status)
			.containsExactly(FlowPage.Step.Status.DONE, FlowPage.Step.Status.DONE, FlowPage.Step.Status.CURRENT,
					FlowPage.Step.Status.TODO);
		assertThat(page.getBackAction()).isEqualTo("/order/_back");
	}

	// --- unknown, foreign, stale and bad requests ---

	@Test
	void unknownTaskIdRestartsWithANotice() throws Exception {
		this.mvc.perform(get("/order/account/sign-in").param("_id", "AAAAAAAAAAAAAAAAAAAAAA").session(this.session))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
		this.mvc.perform(get("/order").param("_restarted", "true").session(this.session))
			.andExpect(status().isOk())
			.andExpect(
					result -> assertThat(result.getResponse().getContentAsString()).contains("previous order expired"))
			.andExpect(result -> assertThat(
					((FlowPage) result.getModelAndView().getModel().get("flow")).getRestartedMessage())
				.isEqualTo(FlowPage.DEFAULT_RESTARTED_MESSAGE));
		this.mvc.perform(get("/order").session(this.session))
			.andExpect(result -> assertThat(((FlowPage) result.getModelAndView().getModel().get("flow")).isRestarted())
				.isFalse());
	}

	@Test
	void theRestartNoticeComesFromTheApplicationsMessagesWhenItDefinesOne() throws Exception {
		this.mvc
			.perform(get("/order").param("_restarted", "true").session(this.session).locale(java.util.Locale.GERMAN))
			.andExpect(result -> assertThat(
					((FlowPage) result.getModelAndView().getModel().get("flow")).getRestartedMessage())
				.isEqualTo("Ihre vorige Bestellung ist abgelaufen."));
	}

	@Test
	void expiredTaskRestartsTheFlow() throws Exception {
		String id = start();
		this.clock.advance(Duration.ofMinutes(21));
		this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
	}

	@Test
	void foreignTaskIdLooksExactlyLikeAnUnknownOneAndChangesNothing() throws Exception {
		String id = start();
		long version = version(id);
		MockHttpSession stranger = new MockHttpSession();
		this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(stranger))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
		this.mvc
			.perform(post("/order/account/sign-in").param("_id", id)
				.param("_v", Long.toString(version))
				.param("value", "mallory")
				.session(stranger)
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order?_restarted=true"));
		Task task = this.engine.load(id);
		assertThat(task.version()).isEqualTo(version);
		assertThat(task.state().contains("name")).isFalse();
	}

	@Test
	void stalePostFromAnOldTabDoesNotRunTheStepAgain() throws Exception {
		String id = start();
		int processed = this.pickItem.processed.get();
		this.mvc.perform(withVersion(post("/order/pick-item").param("item", "other"), id, 99))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/account/sign-in?_id=" + id));
		assertThat(this.pickItem.processed.get()).isEqualTo(processed);
		assertThat(this.engine.load(id).state().get("item", PickItem.Item.class).id()).isEqualTo("book");
	}

	@Test
	void concurrentDuplicatePostsRunTheHandlerOnce() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		submit("delivery/address/street", id, "value", "Main");
		submit("delivery/address/city", id, "value", "Town");
		long version = version(id);
		int before = this.review.ordersPlaced.get();
		int clicks = 8;
		ExecutorService pool = Executors.newFixedThreadPool(clicks);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < clicks; i++) {
			Callable<Integer> click = () -> {
				go.await();
				return this.mvc.perform(withVersion(post("/order/review").with(user("alice")), id, version))
					.andReturn()
					.getResponse()
					.getStatus();
			};
			statuses.add(pool.submit(click));
		}
		go.countDown();
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(303);
		}
		pool.shutdown();
		assertThat(this.review.ordersPlaced.get()).isEqualTo(before + 1);
	}

	@Test
	void malformedTaskIdIsABadRequest() throws Exception {
		this.mvc.perform(get("/order/account/sign-in").param("_id", "../../etc").session(this.session))
			.andExpect(status().isBadRequest());
		assertThat(this.store.finds.get()).isZero();
	}

	@Test
	void unknownStepPathIsNotFound() throws Exception {
		this.mvc.perform(get("/order/no/such/step").session(this.session)).andExpect(status().isNotFound());
	}

	@Test
	void wrongMethodIsMethodNotAllowed() throws Exception {
		this.mvc.perform(put("/order/pick-item").session(this.session).with(csrf()))
			.andExpect(status().isMethodNotAllowed());
		this.mvc.perform(get("/order/_back").session(this.session)).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(post("/order").session(this.session).with(csrf())).andExpect(status().isMethodNotAllowed());
	}

	@Test
	void oversizeStateIsRefusedAndTheTaskIsUnchanged() throws Exception {
		String id = start();
		long version = version(id);
		this.mvc.perform(withTask(post("/order/_back"), id)).andExpect(status().isSeeOther());
		long afterBack = version(id);
		this.mvc.perform(withTask(post("/order/pick-item").param("item", "book").param("note", "x".repeat(3000)), id))
			.andExpect(status().is(413));
		Task task = this.engine.load(id);
		assertThat(task.version()).isEqualTo(afterBack).isEqualTo(version + 1);
		assertThat(task.position()).isEqualTo(Position.parse("pick-item"));
	}

	@Test
	void storeThatIsDownAnswersServiceUnavailableAndLosesNothing() throws Exception {
		String id = start();
		long version = version(id);
		MockHttpServletRequestBuilder signIn = withTask(post("/order/account/sign-in").param("value", "ann"), id);
		this.store.down = true;
		this.mvc.perform(signIn).andExpect(status().isServiceUnavailable());
		this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
			.andExpect(status().isServiceUnavailable());
		this.store.down = false;
		assertThat(version(id)).isEqualTo(version);
		submit("account/sign-in", id, "value", "ann").andExpect(status().isSeeOther());
	}

	@Test
	void readingPagesCostsOneLoadAndRarelyAWrite() throws Exception {
		String id = start();
		this.store.resetCounts();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session))
				.andExpect(status().isOk());
		}
		assertThat(this.store.finds.get()).isEqualTo(5);
		assertThat(this.store.writes()).isZero();
		this.clock.advance(Duration.ofSeconds(90));
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/order/account/sign-in").param("_id", id).session(this.session));
		}
		assertThat(this.store.touches.get()).isEqualTo(1);
		assertThat(this.store.inserts.get() + this.store.updates.get()).isZero();
	}

	@Test
	void aStepPostCostsOneClaimThatLoadsAndOneSave() throws Exception {
		String id = start();
		MockHttpServletRequestBuilder signIn = withTask(post("/order/account/sign-in").param("value", "ann"), id);
		this.store.resetCounts();
		this.mvc.perform(signIn).andExpect(status().isSeeOther());
		assertThat(this.store.claims.get()).isEqualTo(1);
		assertThat(this.store.updates.get()).isEqualTo(1);
		assertThat(this.store.finds.get() + this.store.inserts.get() + this.store.touches.get()).isZero();
	}

	@Test
	void everyMoveIsPublishedAsAnApplicationEvent() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "register");
		assertThat(this.events.received).filteredOn((event) -> event.taskId().equals(id))
			.extracting(TaskTransitionedEvent::from, TaskTransitionedEvent::to, TaskTransitionedEvent::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("pick-item", "account/sign-in", "complete"),
					org.assertj.core.groups.Tuple.tuple("account/sign-in", "account/register", "goTo(Register)"));
	}

	@Test
	void aMoveWhoseSaveFailsIsNotPublished() throws Exception {
		String id = start();
		this.mvc.perform(withTask(post("/order/account/sign-in").param("value", "x".repeat(3000)), id))
			.andExpect(status().isContentTooLarge());
		submit("account/sign-in", id, "value", "register");

		assertThat(this.events.received).filteredOn((event) -> event.taskId().equals(id))
			.extracting(TaskTransitionedEvent::from, TaskTransitionedEvent::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("pick-item", "account/sign-in"),
					org.assertj.core.groups.Tuple.tuple("account/sign-in", "account/register"));
	}

	// --- login and many tasks ---

	@Test
	void requiresLoginGoesThroughSpringSecurityAndComesBackToTheSameStep() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		submit("delivery/address/street", id, "value", "Main");
		submit("delivery/address/city", id, "value", "Town");
		// A real query string, as a browser sends it, so Security's request cache keeps
		// the task id.
		MvcResult toLogin = this.mvc.perform(get("/order/review?_id=" + id).session(this.session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(toLogin.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcResult loggedIn = this.mvc
			.perform(post("/login").param("username", "alice")
				.param("password", "secret")
				.session(this.session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String back = loggedIn.getResponse().getRedirectedUrl();
		assertThat(back).contains("/order/review").contains("_id=" + id);
		this.mvc.perform(get(back).session(this.session))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("book"));
	}

	@Test
	void twoTasksInOneSessionNeverSeeEachOthersState() throws Exception {
		String first = start("book");
		String second = start("lamp");
		submit("account/sign-in", first, "value", "ann");
		submit("account/sign-in", second, "value", "bob");
		assertThat(first).isNotEqualTo(second);
		assertThat(this.engine.load(first).state().get("name", String.class)).isEqualTo("ann");
		assertThat(this.engine.load(second).state().get("name", String.class)).isEqualTo("bob");
		assertThat(this.engine.load(first).state().get("item", PickItem.Item.class).id()).isEqualTo("book");
		assertThat(this.engine.load(second).state().get("item", PickItem.Item.class).id()).isEqualTo("lamp");
	}

	@Test
	void requiredStateMissingSendsTheUserToTheStepThatSetsIt() throws Exception {
		String id = startAndReachReview();
		Task task = this.engine.load(id);
		task.state().remove("item");
		this.engine.save(task);
		this.mvc.perform(get("/order/review").param("_id", id).session(this.session).with(user("alice")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/order/pick-item?_id=" + id));
	}

	// --- helpers ---

	private String start() throws Exception {
		return start("book");
	}

	private String start(String item) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/order/pick-item").param("item", item).session(this.session).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		return taskId(result.getResponse().getRedirectedUrl());
	}

	private String startAndReachReview() throws Exception {
		String id = start();
		submit("account/sign-in", id, "value", "ann");
		submit("delivery/speed", id, "value", "fast");
		submit("delivery/address/street", id, "value", "Main");
		submit("delivery/address/city", id, "value", "Town");
		return id;
	}

	private org.springframework.test.web.servlet.ResultActions submit(String step, String id, String name, String value)
			throws Exception {
		return this.mvc.perform(withTask(post("/order/" + step).param(name, value), id))
			.andExpect(status().isSeeOther());
	}

	private MockHttpServletRequestBuilder withTask(MockHttpServletRequestBuilder request, String id) {
		return withVersion(request, id, version(id));
	}

	private MockHttpServletRequestBuilder withVersion(MockHttpServletRequestBuilder request, String id, long version) {
		return request.param("_id", id).param("_v", Long.toString(version)).session(this.session).with(csrf());
	}

	private long version(String id) {
		return this.store.find(id).orElseThrow().version();
	}

	private static String taskId(String location) {
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).as("task id in " + location).isTrue();
		return matcher.group(1);
	}

}
