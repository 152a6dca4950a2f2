package dev.flows.store.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.flows.engine.TaskIds;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Redis that cannot be reached makes every operation fail with
 * TaskStoreUnavailableException.
 */
class RedisTaskStoreUnavailableTest {

	private LettuceConnectionFactory connectionFactory;

	private RedisTaskStore store;

	@BeforeEach
	void connectToNothing() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.connectionFactory = RedisTestConnections.connect(URI.create("redis://127.0.0.1:" + port));
		this.store = new RedisTaskStore(this.connectionFactory);
	}

	@AfterEach
	void close() {
		this.connectionFactory.destroy();
	}

	@Test
	void everyOperationSaysTheStoreIsUnavailable() {
		Instant now = Instant.now();
		TaskRecord record = new TaskRecord(TaskIds.newId(), "f", "p", null, null, null, null, "ACTIVE", 0, now, now,
				now.plusSeconds(60));
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> this.store.find(record.id()))
			.withMessageContaining("find");
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> this.store.insert(record));
		assertThatExceptionOfType(TaskStoreUnavailableException.class)
			.isThrownBy(() -> this.store.update(record.withVersion(1), 0));
		assertThatExceptionOfType(TaskStoreUnavailableException.class)
			.isThrownBy(() -> this.store.touch(record.id(), now));
		assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> this.store.delete(record.id()));
		assertThatExceptionOfType(TaskStoreUnavailableException.class)
			.isThrownBy(() -> this.store.insertClaimed(record, "token", now.plusSeconds(30)));
		assertThatExceptionOfType(TaskStoreUnavailableException.class)
			.isThrownBy(() -> this.store.claim(record.id(), 0, "token", now, now.plusSeconds(30)))
			.withMessageContaining("claim");
		assertThatExceptionOfType(TaskStoreUnavailableException.class)
			.isThrownBy(() -> this.store.release(record.id(), "token"));
	}

}
