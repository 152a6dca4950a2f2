package dev.flows.store.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.flows.engine.TaskIds;
import dev.flows.store.AbstractTaskStoreContractTest;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract on a real Redis ({@code FLOWS_TEST_REDIS_URL}, started by {@code scripts/test.sh}).
 * Each run uses a key prefix of its own and removes its keys.
 */
class RedisTaskStoreContractTest extends AbstractTaskStoreContractTest {

	private final String prefix = "flows-test:" + UUID.randomUUID() + ":";

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private RedisTaskStore store;

	@BeforeAll
	void connect() {
		this.connectionFactory = connectionFactory();
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.store = new RedisTaskStore(this.connectionFactory, this.prefix);
	}

	/** A started connection factory for the Redis under test. */
	protected LettuceConnectionFactory connectionFactory() {
		return RedisTestConnections.connect(TestServers.redis());
	}

	@AfterAll
	void disconnect() {
		if (this.connectionFactory != null) {
			clear();
			this.connectionFactory.destroy();
		}
	}

	@Override
	protected TaskStore store() {
		return this.store;
	}

	@Override
	protected void clear() {
		Set<String> keys = this.redis.keys(this.prefix + "*");
		if (!keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@Override
	protected Expiry expiry() {
		return Expiry.TIME_TO_LIVE;
	}

	@Override
	protected Duration timeToLive(String id) {
		Long millis = this.redis.getExpire(this.prefix + id, TimeUnit.MILLISECONDS);
		return (millis == null || millis == -2) ? null : Duration.ofMillis(millis);
	}

	/** The hash layout the store writes, set with plain Redis commands. */
	@Override
	protected void writeRaw(TaskRecord r) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("flow", r.flow());
		fields.put("position", r.position());
		fields.put("history", r.history());
		fields.put("state", r.state());
		fields.put("log", r.log());
		fields.put("binding", r.binding());
		fields.put("status", r.status());
		fields.put("version", Long.toString(r.version()));
		fields.put("createdAt", r.createdAt().toString());
		fields.put("updatedAt", r.updatedAt().toString());
		fields.put("expiresAt", r.expiresAt().toString());
		this.redis.opsForHash().putAll(this.prefix + r.id(), fields);
		this.redis.expireAt(this.prefix + r.id(), r.expiresAt());
	}

	@Test
	void eachTaskIsOneHashUnderThePrefixWithATimeToLive() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		this.store.insert(record);
		assertThat(this.store.key(record.id())).isEqualTo(this.prefix + record.id());
		assertThat(this.redis.keys(this.prefix + "*")).containsExactly(this.prefix + record.id());
		assertThat(this.redis.type(this.prefix + record.id()).code()).isEqualTo("hash");
		assertThat(this.redis.<String, String>opsForHash().get(this.prefix + record.id(), "version")).isEqualTo("0");
		assertThat(timeToLive(record.id())).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
	}

	@Test
	void anUpdateSetsTheTimeToLiveAgain() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.plus(Duration.ofMinutes(1)));
		this.store.insert(record);
		assertThat(timeToLive(record.id())).isLessThanOrEqualTo(Duration.ofMinutes(1));
		this.store.update(record.withVersion(1).withExpiresAt(this.now.plus(Duration.ofHours(2))), 0);
		assertThat(timeToLive(record.id())).isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
	}

	@Test
	void aHashMissingFieldsIsACorruptTaskNotAServerError() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		writeRaw(record);
		this.redis.opsForHash().delete(this.prefix + record.id(), "version");
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> engine().load(record.id()))
			.withMessageContaining("does not hold a task written by Flows");
	}

	@Test
	void theDefaultKeyPrefixIsFlowsTask() {
		assertThat(new RedisTaskStore(this.connectionFactory).key("abc")).isEqualTo("flows:task:abc");
	}

}
