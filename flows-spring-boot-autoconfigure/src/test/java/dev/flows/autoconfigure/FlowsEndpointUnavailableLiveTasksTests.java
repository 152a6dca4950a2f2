package dev.flows.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flows.store.ClaimResult;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.store.redis.RedisTaskStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code flows} endpoint says the live tasks are not available, and why, when the
 * store cannot count them (the Redis store without its index, a store of the
 * application's own that does not implement {@link TaskStore#countLive}) or cannot be
 * reached; the rest of its answer is still there.
 */
class FlowsEndpointUnavailableLiveTasksTests {

	private static final String CANNOT_COUNT = "The task store cannot count its live tasks";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
				FlowsCleanupAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=flows", "flows.cleanup.enabled=false");

	private final ApplicationContextRunner redis = this.runner
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
		.withPropertyValues("flows.store.type=redis",
				"flows.redis.key-prefix=flows-endpoint-unavailable-test:" + UUID.randomUUID() + ":");

	@Test
	void redisWithoutItsIndexOfLiveTasksCannotCountThem() {
		this.redis.withPropertyValues("spring.data.redis.url=" + TestServers.redisUrl(), "flows.redis.index-live=false")
			.run((context) -> {
				assertThat(context).getBean(TaskStore.class).isInstanceOf(RedisTaskStore.class);
				FlowsEndpoint.FlowsReport report = context.getBean(FlowsEndpoint.class).flows();

				assertThat(report.store().type()).isEqualTo("redis");
				assertThat(report.liveTasks())
					.isEqualTo(new FlowsEndpoint.LiveTasksReport(false, null, Map.of(), CANNOT_COUNT));
			});
	}

	@Test
	void aStoreOfTheApplicationsOwnThatDoesNotCountCannotCount() {
		this.runner.withUserConfiguration(OwnStore.class).run((context) -> {
			FlowsEndpoint.FlowsReport report = context.getBean(FlowsEndpoint.class).flows();

			assertThat(report.store().type()).isEqualTo("custom");
			assertThat(report.store().className()).isEqualTo(UncountedTaskStore.class.getName());
			assertThat(report.liveTasks())
				.isEqualTo(new FlowsEndpoint.LiveTasksReport(false, null, Map.of(), CANNOT_COUNT));
		});
	}

	@Test
	void aStoreThatCannotBeReachedIsReportedAsSuchAndTheRestOfTheAnswerStands() throws IOException {
		this.redis.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closedPort()).run((context) -> {
			FlowsEndpoint.FlowsReport report = context.getBean(FlowsEndpoint.class).flows();

			assertThat(report.store().type()).isEqualTo("redis");
			assertThat(report.cleanup().enabled()).isFalse();
			FlowsEndpoint.LiveTasksReport live = report.liveTasks();
			assertThat(live.available()).isFalse();
			assertThat(live.total()).isNull();
			assertThat(live.flows()).isEmpty();
			assertThat(live.unavailableReason()).startsWith("The task store cannot be reached: ")
				.contains("Redis failed or cannot be reached (countLive)");
		});
	}

	/** A port nothing listens on: one the system just gave out and took back. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		UncountedTaskStore taskStore() {
			return new UncountedTaskStore(new InMemoryTaskStore());
		}

	}

	/**
	 * A store of the application's own, as one is written against {@link TaskStore}:
	 * everything but {@link TaskStore#countLive}, which keeps its default.
	 */
	static class UncountedTaskStore implements TaskStore {

		private final TaskStore delegate;

		UncountedTaskStore(TaskStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public Optional<TaskRecord> find(String id) {
			return this.delegate.find(id);
		}

		@Override
		public void insert(TaskRecord record) {
			this.delegate.insert(record);
		}

		@Override
		public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
			return this.delegate.insertClaimed(record, claimToken, claimedUntil);
		}

		@Override
		public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
			return this.delegate.claim(id, version, claimToken, now, claimedUntil);
		}

		@Override
		public void release(String id, String claimToken) {
			this.delegate.release(id, claimToken);
		}

		@Override
		public void update(TaskRecord record, long expectedVersion) {
			this.delegate.update(record, expectedVersion);
		}

		@Override
		public boolean touch(String id, Instant expiresAt) {
			return this.delegate.touch(id, expiresAt);
		}

		@Override
		public void delete(String id) {
			this.delegate.delete(id);
		}

		@Override
		public int deleteExpired(Instant now, int batchSize) {
			return this.delegate.deleteExpired(now, batchSize);
		}

	}

}
