package dev.flows.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

import dev.flows.store.ClaimResult;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.StaleTaskException;
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
	private static final RedisScript<Long> UPDATE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'version') ~= ARGV[2] then
			  return 0
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			redis.call('HDEL', KEYS[1], 'claimToken', 'claimedUntil')
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

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
	private static final RedisScript<Long> TOUCH = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then
			  return 0
			end
			redis.call('HSET', KEYS[1], 'expiresAt', ARGV[2])
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

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
		this.redis = Objects.requireNonNull(redis, "redis");
		Assert.hasText(keyPrefix, "keyPrefix must not be empty");
		this.keyPrefix = keyPrefix;
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
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		Objects.requireNonNull(claimToken, "claimToken");
		List<String> args = new ArrayList<>();
		args.add(millisRoundedUp(record.expiresAt()));
		addFields(args, record);
		add(args, CLAIM_TOKEN, claimToken);
		add(args, CLAIMED_UNTIL, millisRoundedUp(claimedUntil));
		return executed("insertClaimed", INSERT, record.id(), args);
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
		if (!executed("update", UPDATE, record.id(), args)) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return executed("touch", TOUCH, id, List.of(millisRoundedUp(expiresAt), IsoInstants.format(expiresAt)));
	}

	@Override
	public void delete(String id) {
		call("delete", () -> this.redis.delete(key(id)));
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
