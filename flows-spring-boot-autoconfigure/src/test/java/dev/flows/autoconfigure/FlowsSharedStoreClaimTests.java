package dev.flows.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.StepEntry;
import dev.flows.engine.StepRequest;
import dev.flows.engine.TaskBinding;
import dev.flows.state.TaskState;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * At most once per step, across nodes: two application nodes share one real PostgreSQL or
 * one real Redis, with the signed-cookie binder and no sticky sessions. Identical submits
 * of a slow step (300 ms, like a payment gateway), split over both nodes at once, run its
 * handler exactly once; so does a double click on the flow's first step, before any task
 * exists; a claim left by a node that stopped mid-request lapses.
 */
class FlowsSharedStoreClaimTests {

	private static final String SCHEMA = "flows_shared_claim_test";

	private static final Pattern HIDDEN_ID = Pattern.compile("name=\"_id\" value=\"([A-Za-z0-9_-]{22})\"");

	/** Handler runs, counted over both nodes. */
	static final AtomicInteger picks = new AtomicInteger();

	static final AtomicInteger payments = new AtomicInteger();

	/** Requests that reached either node since {@link Browser#concurrently} began. */
	static final AtomicInteger arrived = new AtomicInteger();

	/** How many copies of a submit {@link Browser#concurrently} sends; 0 otherwise. */
	static volatile int copies;

	static final SharedClock clock = new SharedClock();

	@BeforeAll
	static void createSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestServers.postgresJdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
	}

	static Stream<Arguments> nodes() {
		WebApplicationContextRunner base = new WebApplicationContextRunner()
			.withClassLoader(new FilteredClassLoader(ExceptionTranslationFilter.class))
			.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
					FlowsWebAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
					ThymeleafAutoConfiguration.class))
			.withUserConfiguration(PaymentApplication.class)
			.withPropertyValues("flows.binder.type=cookie", "flows.binder.cookie.secret=shared-by-every-node-0123",
					"flows.cleanup.enabled=false", "flows.task.claim-wait=5s");
		String url = TestServers.postgresJdbcUrl();
		WebApplicationContextRunner postgres = base
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa",
					"spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
					"spring.datasource.username=postgres", "flows.jpa.initialize-schema=always");
		WebApplicationContextRunner redis = base
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flows.store.type=redis", "spring.data.redis.url=" + TestServers.redisUrl(),
					"flows.redis.key-prefix=flows-shared-claim-test:" + UUID.randomUUID() + ":");
		return Stream.of(Arguments.of("postgresql", postgres), Arguments.of("redis", redis));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nodes")
	void identicalSubmitsSplitOverTwoNodesRunASlowStepOnce(String name, WebApplicationContextRunner runner) {
		runner.run((first) -> runner.run((second) -> {
			Browser browser = new Browser(mockMvc(first), mockMvc(second));
			String id = browser.start("fast");
			String version = version(first, id);
			int before = payments.get();

			List<MockHttpServletResponse> answers = browser.concurrently(20,
					(i) -> post("/pay/pay").param("_id", id).param("_v", version));

			assertThat(payments.get() - before).isEqualTo(1);
			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.getStatus()).isEqualTo(303);
				assertThat(answer.getRedirectedUrl()).isEqualTo("/paid");
			});
		}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nodes")
	void aDoubleClickOnTheFirstStepSplitOverTwoNodesCreatesOneTask(String name, WebApplicationContextRunner runner) {
		runner.run((first) -> runner.run((second) -> {
			Browser browser = new Browser(mockMvc(first), mockMvc(second));
			// The entry page sets the binding cookie (never a task), so both copies of
			// the submit carry it.
			String page = browser.perform(0, get("/pay")).getContentAsString();
			Matcher id = HIDDEN_ID.matcher(page);
			assertThat(id.find()).as("the entry page renders the id of the task to come").isTrue();
			int before = picks.get();

			List<MockHttpServletResponse> answers = browser.concurrently(10,
					(i) -> post("/pay/pick").param("item", "slow").param("_id", id.group(1)));

			assertThat(picks.get() - before).isEqualTo(1);
			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.getStatus()).isEqualTo(303);
				assertThat(answer.getRedirectedUrl()).isEqualTo("/pay/pay?_id=" + id.group(1));
			});
		}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nodes")
	void aClaimLeftByANodeThatStoppedLapses(String name, WebApplicationContextRunner runner) {
		runner.withPropertyValues("flows.task.claim-wait=100ms").run((first) -> runner.run((second) -> {
			Browser browser = new Browser(mockMvc(first), mockMvc(second));
			String id = browser.start("fast");
			String version = version(first, id);
			// The first node claims the payment step, then stops before answering.
			FlowEngine engine = first.getBean(FlowEngine.class);
			StepEntry claimed = engine.enter(new StepRequest(engine.registry().byPath("/pay").orElseThrow(),
					StepRequest.Kind.SUBMIT, Position.parse("pay"), id, Long.valueOf(version), null, new TaskBinding() {

						@Override
						public String bind() {
							throw new UnsupportedOperationException();
						}

						@Override
						public boolean matches(String binding) {
							return true;
						}

					}));
			assertThat(claimed).isInstanceOf(StepEntry.Proceed.class);
			int before = payments.get();

			MockHttpServletResponse whileClaimed = browser.perform(1,
					post("/pay/pay").param("_id", id).param("_v", version));
			clock.advance(Duration.ofSeconds(31));
			MockHttpServletResponse afterTheClaimLapsed = browser.perform(1,
					post("/pay/pay").param("_id", id).param("_v", version));

			assertThat(whileClaimed.getRedirectedUrl()).isEqualTo("/pay/pay?_id=" + id);
			assertThat(afterTheClaimLapsed.getRedirectedUrl()).isEqualTo("/paid");
			assertThat(payments.get() - before).isEqualTo(1);
		}));
	}

	private static String version(ApplicationContext node, String id) {
		return Long.toString(node.getBean(TaskStore.class).find(id).orElseThrow().version());
	}

	/**
	 * A slow step: it runs until every copy of a concurrent submit has reached a node, so
	 * that each copy meets the claim it holds, whatever the machine's speed.
	 */
	static void holdUntilEveryCopyArrived() {
		await().atMost(Duration.ofSeconds(10)).until(() -> arrived.get() >= copies);
	}

	private static MockMvc mockMvc(ApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
			.addFilters((request, response, chain) -> {
				arrived.incrementAndGet();
				chain.doFilter(request, response);
			})
			.build();
	}

	/** One browser (one binding cookie) whose requests reach either node. */
	private static final class Browser {

		final MockMvc[] nodes;

		private Cookie cookie;

		Browser(MockMvc first, MockMvc second) {
			this.nodes = new MockMvc[] { first, second };
		}

		/**
		 * Picks {@code item} on the first node and returns the task id, now at the
		 * payment step.
		 */
		String start(String item) throws Exception {
			MvcResult started = this.nodes[0].perform(post("/pay/pick").param("item", item)).andReturn();
			this.cookie = started.getResponse().getCookie("FLOWS_BINDING");
			String location = started.getResponse().getRedirectedUrl();
			assertThat(location).startsWith("/pay/pay?_id=");
			return location.substring(location.indexOf("_id=") + 4);
		}

		MockHttpServletResponse perform(int node, MockHttpServletRequestBuilder request) throws Exception {
			if (this.cookie != null) {
				request.cookie(this.cookie);
			}
			MockHttpServletResponse response = this.nodes[node].perform(request).andReturn().getResponse();
			if (this.cookie == null) {
				this.cookie = response.getCookie("FLOWS_BINDING");
			}
			return response;
		}

		/** {@code count} requests at once, alternating between the nodes. */
		List<MockHttpServletResponse> concurrently(int count,
				java.util.function.IntFunction<MockHttpServletRequestBuilder> request) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(count);
			try {
				arrived.set(0);
				copies = count;
				CountDownLatch go = new CountDownLatch(1);
				List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					int node = i % 2;
					MockHttpServletRequestBuilder builder = request.apply(i);
					futures.add(pool.submit(() -> {
						go.await();
						return perform(node, builder);
					}));
				}
				go.countDown();
				List<MockHttpServletResponse> answers = new ArrayList<>();
				for (Future<MockHttpServletResponse> future : futures) {
					answers.add(future.get());
				}
				return answers;
			}
			finally {
				copies = 0;
				pool.shutdownNow();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Payment.class, Pick.class, Pay.class })
	static class PaymentApplication {

		@Bean
		Clock flowsTestClock() {
			return clock;
		}

	}

	@Flow(path = "/pay", children = { Pick.class, Pay.class }, onComplete = "redirect:/paid")
	static class Payment {

	}

	@FlowAction(view = "pay/step")
	static class Pick {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome pick(@RequestParam String item, TaskState state) {
			picks.incrementAndGet();
			if ("slow".equals(item)) {
				holdUntilEveryCopyArrived();
			}
			state.put("item", item);
			return Outcome.complete();
		}

	}

	@FlowAction(view = "pay/step")
	static class Pay {

		@OnGet
		void show() {
		}

		/** As slow as a payment gateway. */
		@OnPost
		Outcome pay() {
			payments.incrementAndGet();
			holdUntilEveryCopyArrived();
			return Outcome.complete();
		}

	}

	/** One clock for both nodes, which the lapse test moves forward. */
	static final class SharedClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
