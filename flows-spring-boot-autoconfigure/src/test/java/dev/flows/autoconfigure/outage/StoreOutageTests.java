package dev.flows.autoconfigure.outage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.store.TaskStoreUnavailableException;
import dev.flows.store.guard.TaskStoreGuard;
import dev.flows.web.plainapp.PlainApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A store that goes down under a running application, for real: the test starts its own
 * Redis or PostgreSQL, an application on a real Tomcat using it through Spring Boot's
 * default client settings (Lettuce waits 60 s for a command, HikariCP 30 s for a
 * connection), kills the server, starts it again, and checks what the application's users
 * see meanwhile:
 * <ul>
 * <li>flow requests that need the store answer 503 within the guard's timeout (2 s), even
 * when more of them arrive than the server has threads, and a page that does not need the
 * store keeps answering; without the guard each of them would hold a thread for the
 * client's timeout;</li>
 * <li>once failures repeat, the circuit breaker is open and requests answer 503 without
 * calling the store;</li>
 * <li>once the server is back, a probe finds it, the breaker closes, and the task stored
 * before the outage continues.</li>
 * </ul>
 * The time bounds are far below the clients' own timeouts: they catch a hang, and measure
 * nothing.
 */
class StoreOutageTests {

	/** Far below the 30 s and 60 s of the clients, far above the guard's 2 s. */
	private static final Duration HANG = Duration.ofSeconds(15);

	/** Lettuce reconnects with a backoff that reaches 30 s between attempts. */
	private static final Duration RECOVERY = Duration.ofSeconds(120);

	/**
	 * Fewer than the burst of requests below, so that a thread held for long would show.
	 */
	private static final int SERVER_THREADS = 8;

	private static final int BURST = 2 * SERVER_THREADS;

	@Test
	void redisOutage() {
		try (RedisProcess redis = new RedisProcess()) {
			redis.start();
			outage(redis, "flows.store.type=redis", "spring.data.redis.url=" + redis.url());
		}
	}

	@Test
	void postgresqlOutage() {
		try (PostgresProcess postgres = new PostgresProcess()) {
			postgres.start();
			outage(postgres, "flows.store.type=jpa", "spring.datasource.url=" + postgres.jdbcUrl(),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"flows.jpa.initialize-schema=always");
		}
	}

	private void outage(ServerProcess server, String... storeProperties) {
		try (ConfigurableApplicationContext app = start(storeProperties)) {
			Http http = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			CircuitBreaker breaker = app.getBean(TaskStoreGuard.class).circuitBreaker().orElseThrow();
			String id = startTask(app);
			String resume = "/wizard?_id=" + id;
			assertThat(http.get(resume).headers().firstValue("Location")).contains("/wizard/plan?_id=" + id);
			assertThat(http.get("/wizard/plan?_id=" + id).statusCode()).isEqualTo(200);

			server.kill();
			// HikariCP would hand out a connection used within the last 500 ms without
			// checking it; the build sets that window to 0 for these tests
			// (com.zaxxer.hikari.aliveBypassWindowMs), so every connection is checked and
			// Hikari waits up to 30 s for a new one: the wait this test is about.

			assertTimeoutPreemptively(HANG, () -> {
				List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
				for (int i = 0; i < BURST; i++) {
					burst.add(http.send(resume));
				}
				assertThat(http.get("/wizard").statusCode()).as("the entry page needs no store").isEqualTo(200);
				for (CompletableFuture<HttpResponse<String>> answer : burst) {
					assertThat(answer.join().statusCode()).isEqualTo(503);
				}
			});
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

			long refused = breaker.getMetrics().getNumberOfNotPermittedCalls();
			assertTimeoutPreemptively(HANG, () -> {
				for (int i = 0; i < 20; i++) {
					assertThat(http.get(resume).statusCode()).isEqualTo(503);
				}
			});
			assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).as("requests refused without a store call")
				.isEqualTo(refused + 20);
			assertThat(http.get("/wizard").statusCode()).isEqualTo(200);

			server.start();

			await().atMost(RECOVERY)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> http.get(resume).statusCode() == 303);
			for (int i = 0; i < 5; i++) {
				assertThat(http.get(resume).statusCode()).isEqualTo(303);
			}
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

			// The task stored before the outage moves on, and its pages follow.
			FlowEngine engine = app.getBean(FlowEngine.class);
			Task task = engine.load(id);
			engine.apply(task, task.position(), Outcome.complete(), null);
			engine.save(task);
			assertThat(http.get(resume).headers().firstValue("Location")).contains("/wizard/confirm?_id=" + id);
			assertThat(http.get("/wizard/confirm?_id=" + id).statusCode()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(String... storeProperties) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"server.tomcat.threads.max=" + SERVER_THREADS, "server.tomcat.threads.min-spare=2",
				// Tasks are created through the engine below: flows' first submit needs
				// store claims.
				"flows.binder.type=none", "flows.cleanup.enabled=false",
				// Long enough that the open breaker is seen refusing, short enough for a
				// quick recovery.
				"flows.store.guard.circuit-breaker.wait-duration-in-open-state=10s"));
		properties.addAll(List.of(storeProperties));
		return new SpringApplicationBuilder(PlainApplication.class).properties(properties.toArray(String[]::new)).run();
	}

	private static String startTask(ConfigurableApplicationContext app) {
		FlowEngine engine = app.getBean(FlowEngine.class);
		Task task = engine.newTask(app.getBean(FlowRegistry.class).byPath("/wizard").orElseThrow(), "", null);
		// The first store call opens the client's connection and loads its classes, which
		// on a busy
		// machine may take longer than the guard's timeout.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreException(TaskStoreUnavailableException.class)
			.until(() -> {
				try {
					engine.save(task);
				}
				catch (IllegalStateException ex) {
					// the attempt that timed out stored it after all
				}
				return true;
			});
		return task.id();
	}

	/** Plain HTTP/1.1 requests to the application, redirects not followed. */
	private static final class Http {

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final int port;

		Http(int port) {
			this.port = port;
		}

		CompletableFuture<HttpResponse<String>> send(String path) {
			return this.client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(90))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) {
			return send(path).join();
		}

	}

}
