package dev.flows.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import dev.flows.web.testapp.CountingTaskStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A task belongs to its user, whatever the binder: one browser (one session, one cookie
 * jar) in which users sign in and out between requests. A task first used anonymously is
 * adopted by whoever signs in during it; a step that signs someone else in hands the task
 * to them; any other change of user makes the task unknown (the restart with notice).
 */
abstract class AbstractTaskOwnershipWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	private static final String RESTART = "/order?_restarted=true";

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	private final MockHttpSession session = new MockHttpSession();

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	@Test
	void anotherAccountSigningInInTheSameBrowserFindsTheTaskUnknown() throws Exception {
		String id = start("ann");

		assertThat(resume(id, "bob")).isEqualTo(RESTART);
		assertThat(resume(id, "ann")).startsWith("/order/account/sign-in?_id=" + id);
	}

	@Test
	void anotherAccountCannotSubmitTheTasksSteps() throws Exception {
		String id = start("ann");
		long version = version(id);

		MvcResult submitted = perform(post("/order/account/sign-in").param("value", "bob")
			.param("_id", id)
			.param("_v", Long.toString(version)), "bob");

		assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo(RESTART);
		assertThat(version(id)).isEqualTo(version);
		assertThat(this.store.find(id).orElseThrow().state()).doesNotContain("bob");
	}

	@Test
	void signingOutMakesTheTaskUnknown() throws Exception {
		String id = start("ann");

		assertThat(resume(id, null)).isEqualTo(RESTART);
		assertThat(resume(id, "bob")).isEqualTo(RESTART);
	}

	@Test
	void aTaskStartedAnonymouslyBelongsToWhoeverSignsInDuringIt() throws Exception {
		String id = start(null);

		assertThat(resume(id, "ann")).startsWith("/order/account/sign-in?_id=" + id);
		assertThat(resume(id, "bob")).isEqualTo(RESTART);
		assertThat(resume(id, null)).isEqualTo(RESTART);
		assertThat(resume(id, "ann")).startsWith("/order/account/sign-in?_id=" + id);
	}

	@Test
	void aStepThatSignsSomeoneElseInHandsThemTheTaskInTheSameRequest() throws Exception {
		String id = start("ann");

		MvcResult signedIn = perform(post("/order/account/sign-in").param("value", "as:bob")
			.param("_id", id)
			.param("_v", Long.toString(version(id))), "ann");

		assertThat(signedIn.getResponse().getRedirectedUrl()).startsWith("/order/delivery/speed?_id=" + id);
		assertThat(resume(id, "bob")).startsWith("/order/delivery/speed?_id=" + id);
		assertThat(resume(id, "ann")).isEqualTo(RESTART);
	}

	/**
	 * Starts the order flow as {@code user} ({@code null}: anonymously) and returns the
	 * task id.
	 */
	private String start(String user) throws Exception {
		MvcResult created = perform(post("/order/pick-item").param("item", "book"), user);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as("redirect after the first step").isNotNull();
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).as("task id in " + location).isTrue();
		return matcher.group(1);
	}

	/** Where {@code GET /order?_id=} sends {@code user}. */
	private String resume(String id, String user) throws Exception {
		return perform(get("/order").param("_id", id), user).getResponse().getRedirectedUrl();
	}

	private long version(String id) {
		return this.store.find(id).orElseThrow().version();
	}

	/**
	 * One request of the browser: its session and cookies, signed in as {@code user} or
	 * not.
	 */
	private MvcResult perform(MockHttpServletRequestBuilder request, String user) throws Exception {
		request.session(this.session).with(csrf());
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(Cookie[]::new));
		}
		if (user != null) {
			request.with(user(user));
		}
		else {
			// Signed out: the browser keeps its session (and cookies) but no security
			// context.
			this.session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		for (Cookie cookie : result.getResponse().getCookies()) {
			this.cookies.put(cookie.getName(), cookie);
		}
		return result;
	}

}
