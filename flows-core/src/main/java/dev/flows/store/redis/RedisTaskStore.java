package dev.flows.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

import dev.flows.store.ClaimResult;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.ExpiredTask;
import dev.flows.store.ExpiredTasks;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

/**
 * Keeps each task in one Redis hash, under {@code keyPrefix + id} (default
 * {@value #DEFAULT_KEY_PREFIX}), with a time to live that ends at the task's
 * {@link TaskRecord#expiresAt() expiry} and is set again by every save and touch.
 * <p>
 * Inserts, updates, claims, releases and touches are Lua scripts, so each check and its
 * write are one atomic step on the server: insert writes only if the key is absent,
 * update only if the stored version is the expected one, claim only if the version is the
 * expected one and no claim is live. A claim is two fields of the same hash,
 * {@code claimToken} and {@code claimedUntil} (epoch milliseconds, compared with the
 * {@code now} the caller passes); the claim script returns the hash too, so claiming is
 * also the request's load. A claim never changes the key's time to live: it goes when the
 * task goes. Each script touches exactly one key, so the store works on Redis Cluster and
 * through Sentinel as Spring Data Redis connects to them.
 * <p>
 * The task's owner is the field {@code owner}; a hash written before owners were kept has
 * none and reads as anonymous.
 * <p>
 * Redis removes expired tasks itself, so {@link #deleteExpired} has nothing to do and
 * returns 0; an expired task is never returned by {@link #find}. Failures to reach Redis
 * surface as {@link TaskStoreUnavailableException}.
 * <p>
 * <strong>Live counts.</strong> So that {@link #countLive} need not scan every key, the
 * store keeps an index per flow as tasks are written: a sorted set per step,
 * {@code keyPrefix + "live:{" + flow + "}:" + step}, of the ids of the active tasks
 * there, scored by their expiry (so that tasks Redis expired drop out of the count
 * without anyone telling the index), the set of those steps, {@code keyPrefix + "live:{"
 * + flow + "}"}, and the set of flows, {@code keyPrefix + "live-flows"}. The braces are a
 * hash tag: a flow's index keys share one Cluster slot, so each index script touches one
 * slot. Each write of a task is followed by one index script (an insert by one more
 * command), not atomic with it: if the second call fails, the failure is logged, the
 * write stands, and the count is off for that task until it is written again or expires.
 * Tasks written by a build without the index are counted from their next save. Set
 * {@code indexLive} to {@code false} to save those calls; {@link #countLive} then answers
 * "not available".
 */
public class RedisTaskStore implements TaskStore {

	/** The key prefix used when none is given. */
	public static final String DEFAULT_KEY_PREFIX = "flows:task:";

	private static final String FLOW = "flow";

	private static final String POSITION = "position";

	private static final String HISTORY = "history";

	private static final String STATE = "state";

	private static final String LOG = "log";

	private static final String BINDING = "binding";

	private static final String STATUS = "status";

	private static final String VERSION = "version";

	private static final String CREATED_AT = "createdAt";

	private static final String UPDATED_AT = "updatedAt";

	private static final String EXPIRES_AT = "expiresAt";

	private static final String OWNER = "owner";

	private static final String CLAIM_TOKEN = "claimToken";

	private static final String CLAIMED_UNTIL = "claimedUntil";

	/** KEYS[1] = task key; ARGV[1] = expiry in epoch ms; ARGV[2..] = field, value, ... */
	private static final RedisScript<Long> INSERT = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  return 0
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 2))
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * KEYS[1] = task key; ARGV[1] = expiry in epoch ms; ARGV[2] = expected version;
	 * ARGV[3..] = fields. Saving ends any claim.
	 */
	private static final RedisScript<String> UPDATE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'version') ~= ARGV[2] then
			  return false
			end
			local left = redis.call('HGET', KEYS[1], 'position') or ''
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			redis.call('HDEL', KEYS[1], 'claimToken', 'claimedUntil')
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			return left
			""", String.class);

	/**
	 * KEYS[1] = task key; ARGV[1] = version; ARGV[2] = claim token; ARGV[3] = now in
	 * epoch ms; ARGV[4] = claim lapse in epoch ms. Returns the status followed by the
	 * hash's fields and values as they were read (the claim fields are no part of the
	 * task), or the status alone if the key does not exist. The time to live is left as
	 * it is.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local fields = redis.call('HGETALL', KEYS[1])
			if #fields == 0 then
			  return {'MISSING'}
			end
			local version, claimedUntil
			for i = 1, #fields, 2 do
			  if fields[i] == 'version' then
			    version = fields[i + 1]
			  elseif fields[i] == 'claimedUntil' then
			    claimedUntil = tonumber(fields[i + 1])
			  end
			end
			local status
			if version ~= ARGV[1] then
			  status = 'STALE'
			elseif claimedUntil ~= nil and claimedUntil > tonumber(ARGV[3]) then
			  status = 'BUSY'
			else
			  status = 'CLAIMED'
			  redis.call('HSET', KEYS[1], 'claimToken', ARGV[2], 'claimedUntil', ARGV[4])
			end
			table.insert(fields, 1, status)
			return fields
			""", List.class);

	/**
	 * KEYS[1] = task key; ARGV[1] = claim token. Ends the claim only if that token holds
	 * it.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'claimToken') ~= ARGV[1] then
			  return 0
			end
			redis.call('HDEL', KEYS[1], 'claimToken', 'claimedUntil')
			return 1
			""", Long.class);

	/**
	 * KEYS[1] = task key; ARGV[1] = expiry in epoch ms; ARGV[2] = expiry as ISO-8601
	 * text.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TOUCH = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then
			  return {}
			end
			redis.call('HSET', KEYS[1], 'expiresAt', ARGV[2])
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			return redis.call('HMGET', KEYS[1], 'flow', 'position', 'status')
			""", List.class);

	/**
	 * KEYS[1] = task key. Deletes it, and returns its flow and position (empty if it did
	 * not exist), for the index.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> DELETE = RedisScript.of("""
			local fields = redis.call('HMGET', KEYS[1], 'flow', 'position')
			if redis.call('DEL', KEYS[1]) == 0 then
			  return {}
			end
			return fields
			""", List.class);

	/**
	 * KEYS[1] = task key; ARGV[1] = the expected version. Deletes the task if it is at
	 * that version, and returns its flow and position (empty if it was not deleted), for
	 * the index.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> DELETE_AT_VERSION = RedisScript.of("""
			local fields = redis.call('HMGET', KEYS[1], 'flow', 'position', 'version')
			if fields[3] ~= ARGV[1] then
			  return {}
			end
			redis.call('DEL', KEYS[1])
			return {fields[1], fields[2]}
			""", List.class);

	/**
	 * The index of live tasks. KEYS[1] = the flow's set of steps; KEYS[2] = the sorted
	 * set of the step left; KEYS[3] = that of the step entered (KEYS[2] again when the
	 * task stays); ARGV[1] = task id; ARGV[2] = '1' if the task is live at KEYS[3], '0'
	 * if it leaves the index; ARGV[3] = its expiry in epoch ms; ARGV[4] = the step
	 * entered; ARGV[5] = now in epoch ms. The index keys live as long as their longest
	 * task.
	 */
	private static final RedisScript<Long> INDEX = RedisScript.of("""
			if KEYS[2] ~= KEYS[3] or ARGV[2] == '0' then
			  redis.call('ZREM', KEYS[2], ARGV[1])
			end
			if ARGV[2] == '1' then
			  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
			  redis.call('SADD', KEYS[1], ARGV[4])
			  for _, key in ipairs({KEYS[1], KEYS[3]}) do
			    local ttl = redis.call('PTTL', key)
			    if ttl < 0 or tonumber(ARGV[5]) + ttl < tonumber(ARGV[3]) then
			      redis.call('PEXPIREAT', key, ARGV[3])
			    end
			  end
			end
			return 1
			""", Long.class);

	/**
	 * KEYS[1] = a flow's set of steps; KEYS[2..] = the sorted sets of those steps;
	 * ARGV[1] = now in epoch ms. Returns how many tasks at each step have not expired by
	 * now; the expired ones are left for {@link #removeExpired}, which reports them.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> COUNT = RedisScript.of("""
			local counts = {}
			for i = 2, #KEYS do
			  counts[i - 1] = redis.call('ZCOUNT', KEYS[i], '(' .. ARGV[1], '+inf')
			end
			return counts
			""", List.class);

	/**
	 * KEYS[1] = a flow's set of steps; KEYS[2..] = the sorted sets of those steps;
	 * ARGV[1] = now in epoch ms; ARGV[2] = the most entries to take; ARGV[3..] = the
	 * steps. Takes the entries of tasks expired by now out of the index (each is taken
	 * once, whichever node asks), drops steps left empty, and returns step, id and expiry
	 * of each entry taken.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TAKE_EXPIRED = RedisScript.of("""
			local taken = {}
			local left = tonumber(ARGV[2])
			for i = 2, #KEYS do
			  if left > 0 then
			    local expired = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, left)
			    for j = 1, #expired, 2 do
			      redis.call('ZREM', KEYS[i], expired[j])
			      table.insert(taken, ARGV[i + 1])
			      table.insert(taken, expired[j])
			      table.insert(taken, expired[j + 1])
			      left = left - 1
			    end
			  end
			  if redis.call('ZCARD', KEYS[i]) == 0 then
			    redis.call('SREM', KEYS[1], ARGV[i + 1])
			  end
			end
			return taken
			""", List.class);

	private static final Log logger = LogFactory.getLog(RedisTaskStore.class);

	private static final String ACTIVE = "ACTIVE";

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final boolean indexLive;

	/** A store over {@code connectionFactory} with the default key prefix. */
	public RedisTaskStore(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, DEFAULT_KEY_PREFIX);
	}

	/**
	 * A store over {@code connectionFactory} that keeps tasks under
	 * {@code keyPrefix + id}.
	 */
	public RedisTaskStore(RedisConnectionFactory connectionFactory, String keyPrefix) {
		this(new StringRedisTemplate(Objects.requireNonNull(connectionFactory, "connectionFactory")), keyPrefix);
	}

	/**
	 * A store that talks to Redis through {@code redis} and keeps tasks under
	 * {@code keyPrefix + id}.
	 */
	public RedisTaskStore(StringRedisTemplate redis, String keyPrefix) {
		this(redis, keyPrefix, true);
	}

	/**
	 * A store that talks to Redis through {@code redis}, keeps tasks under
	 * {@code keyPrefix + id}, and keeps the index of live tasks that {@link #countLive}
	 * reads only if {@code indexLive}.
	 */
	public RedisTaskStore(StringRedisTemplate redis, String keyPrefix, boolean indexLive) {
		this.redis = Objects.requireNonNull(redis, "redis");
		Assert.hasText(keyPrefix, "keyPrefix must not be empty");
		this.keyPrefix = keyPrefix;
		this.indexLive = indexLive;
	}

	/** The connection factory the store's commands go through. */
	public RedisConnectionFactory connectionFactory() {
		return this.redis.getRequiredConnectionFactory();
	}

	/** The Redis key of the task {@code id}. */
	public String key(String id) {
		return this.keyPrefix + id;
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		HashOperations<String, String, String> hashes = this.redis.opsForHash();
		Map<String, String> fields = call("find", () -> hashes.entries(key(id)));
		return (fields == null || fields.isEmpty()) ? Optional.empty() : Optional.of(toRecord(id, fields));
	}

	@Override
	public void insert(TaskRecord record) {
		List<String> args = new ArrayList<>();
		args.add(millisRoundedUp(record.expiresAt()));
		addFields(args, record);
		if (!executed("insert", INSERT, record.id(), args)) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already");
		}
		indexInserted(record);
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		Objects.requireNonNull(claimToken, "claimToken");
		List<String> args = new ArrayList<>();
		args.add(millisRoundedUp(record.expiresAt()));
		addFields(args, record);
		add(args, CLAIM_TOKEN, claimToken);
		add(args, CLAIMED_UNTIL, millisRoundedUp(claimedUntil));
		if (!executed("insertClaimed", INSERT, record.id(), args)) {
			return false;
		}
		indexInserted(record);
		return true;
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		Objects.requireNonNull(claimToken, "claimToken");
		List<?> reply = call("claim", () -> this.redis.execute(CLAIM, List.of(key(id)), Long.toString(version),
				claimToken, Long.toString(now.toEpochMilli()), millisRoundedUp(claimedUntil)));
		if (reply == null || reply.isEmpty()) {
			throw new CorruptTaskException(
					"Redis answered the claim of " + this.keyPrefix + TaskRecord.shortId(id) + " with nothing", null);
		}
		String status = String.valueOf(reply.get(0));
		if ("MISSING".equals(status)) {
			return ClaimResult.missing();
		}
		Map<String, String> fields = new HashMap<>();
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			fields.put(String.valueOf(reply.get(i)), String.valueOf(reply.get(i + 1)));
		}
		TaskRecord record = toRecord(id, fields);
		return switch (status) {
			case "CLAIMED" -> ClaimResult.claimed(record);
			case "BUSY" -> ClaimResult.busy(record);
			default -> ClaimResult.stale(record);
		};
	}

	@Override
	public void release(String id, String claimToken) {
		Objects.requireNonNull(claimToken, "claimToken");
		executed("release", RELEASE, id, List.of(claimToken));
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		List<String> args = new ArrayList<>();
		args.add(millisRoundedUp(record.expiresAt()));
		args.add(Long.toString(expectedVersion));
		addFields(args, record);
		String left = call("update", () -> this.redis.execute(UPDATE, List.of(key(record.id())), args.toArray()));
		if (left == null) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
		index(record.id(), record.flow(), left, record.position(), ACTIVE.equals(record.status()), record.expiresAt());
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		List<?> fields = call("touch", () -> this.redis.execute(TOUCH, List.of(key(id)), millisRoundedUp(expiresAt),
				IsoInstants.format(expiresAt)));
		if (fields == null || fields.isEmpty()) {
			return false;
		}
		if (fields.size() == 3 && fields.get(0) != null && fields.get(1) != null && ACTIVE.equals(fields.get(2))) {
			String position = String.valueOf(fields.get(1));
			index(id, String.valueOf(fields.get(0)), position, position, true, expiresAt);
		}
		return true;
	}

	@Override
	public void delete(String id) {
		unindex(id, call("delete", () -> this.redis.execute(DELETE, List.of(key(id)))));
	}

	@Override
	public void delete(String id, long expectedVersion) {
		List<?> fields = call("delete",
				() -> this.redis.execute(DELETE_AT_VERSION, List.of(key(id)), Long.toString(expectedVersion)));
		if (fields == null || fields.isEmpty()) {
			throw new StaleTaskException(id, expectedVersion);
		}
		unindex(id, fields);
	}

	/**
	 * Takes a deleted task, whose flow and position are {@code fields}, out of the index.
	 */
	private void unindex(String id, List<?> fields) {
		if (fields != null && fields.size() == 2 && fields.get(0) != null && fields.get(1) != null) {
			String position = String.valueOf(fields.get(1));
			index(id, String.valueOf(fields.get(0)), position, position, false, Instant.EPOCH);
		}
	}

	/**
	 * Reads the index: per flow, one script over the flow's steps, counting the tasks not
	 * expired yet. Empty if this store keeps no index.
	 */
	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		if (!this.indexLive) {
			return Optional.empty();
		}
		TaskCounts.Builder counts = new TaskCounts.Builder();
		Set<String> flows = call("countLive", () -> this.redis.opsForSet().members(flowsKey()));
		for (String flow : (flows != null) ? flows : Set.<String>of()) {
			Set<String> steps = call("countLive", () -> this.redis.opsForSet().members(stepsKey(flow)));
			if (steps == null || steps.isEmpty()) {
				continue;
			}
			List<String> ordered = List.copyOf(steps);
			List<String> keys = new ArrayList<>();
			keys.add(stepsKey(flow));
			for (String step : ordered) {
				keys.add(stepKey(flow, step));
			}
			List<?> remaining = call("countLive",
					() -> this.redis.execute(COUNT, keys, Long.toString(now.toEpochMilli())));
			for (int i = 0; remaining != null && i < remaining.size(); i++) {
				long count = ((Number) remaining.get(i)).longValue();
				if (count > 0) {
					counts.add(flow, ordered.get(i), count);
				}
			}
		}
		return Optional.of(counts.build());
	}

	/** The key of the set of steps of {@code flow} that have live tasks. */
	String stepsKey(String flow) {
		return this.keyPrefix + "live:{" + flow + "}";
	}

	/** The key of the sorted set of the live tasks of {@code flow} at {@code step}. */
	String stepKey(String flow, String step) {
		return stepsKey(flow) + ":" + step;
	}

	/** The key of the set of flows that have had live tasks. */
	String flowsKey() {
		return this.keyPrefix + "live-flows";
	}

	private void indexInserted(TaskRecord record) {
		if (!this.indexLive || !ACTIVE.equals(record.status())) {
			return;
		}
		index(record.id(), record.flow(), record.position(), record.position(), true, record.expiresAt());
		try {
			this.redis.opsForSet().add(flowsKey(), record.flow());
		}
		catch (DataAccessException ex) {
			indexFailed(record.id(), ex);
		}
	}

	/**
	 * Moves task {@code id} from {@code left} to {@code entered} in the index, or takes
	 * it out when it is no longer {@code live}. The task is written already: a failure
	 * here is logged, not thrown.
	 */
	private void index(String id, String flow, String left, String entered, boolean live, Instant expiresAt) {
		if (!this.indexLive) {
			return;
		}
		try {
			this.redis.execute(INDEX, List.of(stepsKey(flow), stepKey(flow, left), stepKey(flow, entered)), id,
					live ? "1" : "0", millisRoundedUp(expiresAt), entered, Long.toString(System.currentTimeMillis()));
		}
		catch (DataAccessException ex) {
			indexFailed(id, ex);
		}
	}

	private static void indexFailed(String id, DataAccessException ex) {
		logger.warn("Task " + TaskRecord.shortId(id) + " was written but the index of live tasks was not updated;"
				+ " live counts are off for it until its next save: " + ex.getMessage());
	}

	/**
	 * Returns 0: every task key carries a time to live ending at the task's expiry, so
	 * Redis has removed expired tasks already, and there is nothing to find them by
	 * without a scan.
	 */
	@Override
	public int deleteExpired(Instant now, int batchSize) {
		return 0;
	}

	/**
	 * Redis has removed the expired tasks already; this takes the entries of the active
	 * ones out of the index of live tasks and names them: per flow, one script over its
	 * steps. Names none if this store keeps no index.
	 */
	@Override
	public ExpiredTasks removeExpired(Instant now, int batchSize) {
		if (!this.indexLive) {
			return ExpiredTasks.unnamed(0);
		}
		List<ExpiredTask> taken = new ArrayList<>();
		Set<String> flows = call("removeExpired", () -> this.redis.opsForSet().members(flowsKey()));
		for (String flow : (flows != null) ? flows : Set.<String>of()) {
			int left = batchSize - taken.size();
			if (left <= 0) {
				break;
			}
			Set<String> steps = call("removeExpired", () -> this.redis.opsForSet().members(stepsKey(flow)));
			if (steps == null || steps.isEmpty()) {
				continue;
			}
			List<String> keys = new ArrayList<>();
			keys.add(stepsKey(flow));
			List<String> args = new ArrayList<>();
			args.add(Long.toString(now.toEpochMilli()));
			args.add(Integer.toString(left));
			for (String step : steps) {
				keys.add(stepKey(flow, step));
				args.add(step);
			}
			List<?> entries = call("removeExpired", () -> this.redis.execute(TAKE_EXPIRED, keys, args.toArray()));
			for (int i = 0; entries != null && i + 2 < entries.size(); i += 3) {
				// a score is written as a double, exactly for milliseconds since the
				// epoch
				long expiresAt = (long) Double.parseDouble(entries.get(i + 2).toString());
				taken.add(new ExpiredTask(entries.get(i + 1).toString(), flow, entries.get(i).toString(), true,
						Instant.ofEpochMilli(expiresAt)));
			}
		}
		return ExpiredTasks.of(taken);
	}

	private boolean executed(String operation, RedisScript<Long> script, String id, List<String> args) {
		Long result = call(operation, () -> this.redis.execute(script, List.of(key(id)), args.toArray()));
		return result != null && result == 1L;
	}

	private <T> T call(String operation, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataAccessException ex) {
			throw new TaskStoreUnavailableException(
					"The task store's Redis failed or cannot be reached (" + operation + "): " + ex.getMessage(), ex);
		}
	}

	private static void addFields(List<String> args, TaskRecord record) {
		add(args, FLOW, record.flow());
		add(args, POSITION, record.position());
		add(args, HISTORY, record.history());
		add(args, STATE, record.state());
		add(args, LOG, record.log());
		add(args, BINDING, record.binding());
		add(args, STATUS, record.status());
		add(args, VERSION, Long.toString(record.version()));
		add(args, CREATED_AT, IsoInstants.format(record.createdAt()));
		add(args, UPDATED_AT, IsoInstants.format(record.updatedAt()));
		add(args, EXPIRES_AT, IsoInstants.format(record.expiresAt()));
		add(args, OWNER, record.owner());
	}

	private static void add(List<String> args, String field, String value) {
		args.add(field);
		args.add(value);
	}

	/**
	 * An expiry or a claim's lapse in epoch milliseconds, rounded up so that a key never
	 * vanishes before its task expired, nor a claim lapses before its time.
	 */
	private static String millisRoundedUp(Instant instant) {
		long millis = instant.toEpochMilli();
		if (instant.getNano() % 1_000_000 != 0) {
			millis++;
		}
		return Long.toString(millis);
	}

	private TaskRecord toRecord(String id, Map<String, String> fields) {
		try {
			return new TaskRecord(id, fields.get(FLOW), fields.get(POSITION), fields.get(HISTORY), fields.get(STATE),
					fields.get(LOG), fields.get(BINDING), fields.get(STATUS), Long.parseLong(fields.get(VERSION)),
					IsoInstants.parse(fields.get(CREATED_AT)), IsoInstants.parse(fields.get(UPDATED_AT)),
					IsoInstants.parse(fields.get(EXPIRES_AT)), fields.get(OWNER));
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("Redis key " + this.keyPrefix + TaskRecord.shortId(id)
					+ " does not hold a task written by Flows: " + ex.getMessage(), ex);
		}
	}

}
