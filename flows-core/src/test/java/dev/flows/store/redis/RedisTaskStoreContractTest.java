package dev.flows.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
import dev.flows.store.ClaimResult;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.ExpiredTask;
import dev.flows.store.ExpiredTasks;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract on a real Redis ({@code FLOWS_TEST_REDIS_URL}, started by
 * {@code scripts/test.sh}). Each run uses a key prefix of its own and removes its keys.
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
		writeWithoutOwner(r);
		this.redis.opsForHash().put(this.prefix + r.id(), "owner", r.owner());
	}

	/** The hash layout of a build that kept neither owners nor claims. */
	private void writeWithoutOwner(TaskRecord r) {
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
		assertThat(this.redis.keys(this.prefix + "*")).filteredOn((key) -> !key.startsWith(this.prefix + "live"))
			.containsExactly(this.prefix + record.id());
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
	void aHashWithoutOwnerOrClaimFieldsReadsAsAnAnonymousUnclaimedTask() {
		TaskRecord record = record(TaskIds.newId(), 2, live());
		writeWithoutOwner(record);
		assertThat(this.redis.<String, String>opsForHash().keys(this.prefix + record.id())).doesNotContain("owner",
				"claimToken", "claimedUntil");
		assertThat(this.store.find(record.id())).contains(record);
		assertThat(this.store.claim(record.id(), 2, token(), this.now, claimUntil()))
			.isEqualTo(ClaimResult.claimed(record));
		TaskRecord adopted = owned(record.withVersion(3), "owner:after");
		this.store.update(adopted, 2);
		assertThat(this.store.find(record.id())).contains(adopted);
	}

	@Test
	void aClaimIsTwoFieldsOfTheHashThatKeepTheTimeToLiveAndGoWithTheNextSave() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.plus(Duration.ofMinutes(5)));
		this.store.insert(record);
		String key = this.prefix + record.id();
		String token = token();
		Instant lapses = this.now.plusSeconds(30).plusNanos(1);
		assertThat(this.store.claim(record.id(), 0, token, this.now, lapses).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		assertThat(this.redis.<String, String>opsForHash().multiGet(key, List.of("claimToken", "claimedUntil")))
			.containsExactly(token, Long.toString(this.now.plusSeconds(30).toEpochMilli() + 1));
		assertThat(timeToLive(record.id())).as("the task's expiry, not the claim's")
			.isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
		this.store.update(record.withVersion(1), 0);
		assertThat(this.redis.<String, String>opsForHash().keys(key)).doesNotContain("claimToken", "claimedUntil")
			.contains("owner");
		this.store.claim(record.id(), 1, token, this.now, lapses);
		this.store.release(record.id(), token);
		assertThat(this.redis.<String, String>opsForHash().keys(key)).doesNotContain("claimToken", "claimedUntil");
	}

	@Test
	void theIndexOfLiveTasksKeepsEachFlowInOneSlotAndExpiresWithItsLastTask() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.plus(Duration.ofMinutes(5)));
		this.store.insert(record);
		String steps = this.store.stepsKey("contract");
		String first = this.store.stepKey("contract", "first");

		assertThat(steps).isEqualTo(this.prefix + "live:{contract}");
		assertThat(first).isEqualTo(this.prefix + "live:{contract}:first");
		assertThat(this.redis.opsForSet().members(this.store.flowsKey())).containsExactly("contract");
		assertThat(this.redis.opsForZSet().score(first, record.id()))
			.isEqualTo((double) this.now.plus(Duration.ofMinutes(5)).toEpochMilli());
		for (String key : List.of(steps, first)) {
			assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isBetween(4 * 60L, 5 * 60L);
		}
	}

	@Test
	void aStoreWithoutTheIndexWritesNoIndexKeysAndCannotCount() {
		RedisTaskStore unindexed = new RedisTaskStore(this.redis, this.prefix, false);
		TaskRecord record = record(TaskIds.newId(), 0, live());
		unindexed.insert(record);
		unindexed.update(record.withVersion(1), 0);

		assertThat(this.redis.keys(this.prefix + "*")).containsExactly(this.prefix + record.id());
		assertThat(unindexed.countLive(this.now)).isEmpty();
		assertThat(unindexed.removeExpired(this.now.plus(Duration.ofDays(1)), 10)).isEqualTo(ExpiredTasks.unnamed(0));
	}

	@Test
	void expiredEntriesStayInTheIndexUntilTheCleanupTakesThem() {
		TaskRecord record = record(TaskIds.newId(), 0, this.now.plusSeconds(5));
		this.store.insert(record);
		Instant later = this.now.plusSeconds(10);

		assertThat(this.store.countLive(later)).map(TaskCounts::total).contains(0L);
		assertThat(this.store.removeExpired(later, 10).tasks()).extracting(ExpiredTask::id)
			.containsExactly(record.id());
		assertThat(this.redis.keys(this.prefix + "live:*")).as("the step's set, emptied, and the flow's")
			.doesNotContain(this.store.stepKey(record.flow(), record.position()));
	}

	@Test
	void theDefaultKeyPrefixIsFlowsTask() {
		assertThat(new RedisTaskStore(this.connectionFactory).key("abc")).isEqualTo("flows:task:abc");
	}

}
