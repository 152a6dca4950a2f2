package dev.flows.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import dev.flows.store.TaskCleaner;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import dev.flows.store.redis.RedisTaskStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measurements the load driver asks the app for, outside the timed rounds: how many bytes
 * a flow in progress keeps where its variant keeps it, the heap a live task takes in the
 * memory store, and a cleanup run of the JPA store. Answers are one line,
 * {@code key=value} pairs.
 */
@RestController
@RequestMapping("/bench")
class BenchController {

	private static final RedisScript<Long> MEMORY_USAGE = RedisScript
		.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);

	private final TaskStore store;

	private final ObjectProvider<RedisConnectionFactory> redis;

	private final ObjectProvider<DataSource> dataSource;

	BenchController(TaskStore store, ObjectProvider<RedisConnectionFactory> redis,
			ObjectProvider<DataSource> dataSource) {
		this.store = store;
		this.redis = redis;
		this.dataSource = dataSource;
	}

	/**
	 * Bytes kept for the caller's flow in progress. {@code kind=session}: the
	 * HttpSession's attributes as Java serialization writes them (what a session store
	 * writes; Spring Web Flow's snapshots are serialized already); with Spring Session on
	 * Redis, Redis's own {@code MEMORY USAGE} of the session's key; with Spring Session
	 * JDBC, {@code pg_column_size} of its rows. {@code kind=task}: the task {@code _id}
	 * as its store keeps it ({@code pg_column_size} of the row on PostgreSQL, the column
	 * octets on H2, {@code MEMORY USAGE} on Redis, the record's UTF-8 text in memory);
	 * {@code json} is the record's text alone.
	 */
	@GetMapping(path = "/size", produces = "text/plain")
	String size(@RequestParam String kind, @RequestParam(name = "_id", required = false) String id,
			HttpServletRequest request) {
		if ("session".equals(kind)) {
			HttpSession session = request.getSession(false);
			if (session == null) {
				return "bytes=0 how=no-session";
			}
			boolean springSession = session.getClass().getName().contains("springframework.session");
			RedisConnectionFactory factory = this.redis.getIfAvailable();
			if (factory != null && springSession) {
				return "bytes=" + memoryUsage(factory, "spring:session:sessions:" + session.getId())
						+ " how=redis-memory-usage serialized=" + serializedSize(session);
			}
			DataSource db = this.dataSource.getIfAvailable();
			if (db != null && springSession) {
				// Spring Session JDBC: the session's row and its attributes' rows.
				Long size = new JdbcTemplate(db).queryForObject("select pg_column_size(s.*) + coalesce((select"
						+ " sum(pg_column_size(a.*)) from spring_session_attributes a where a.session_primary_id ="
						+ " s.primary_id), 0) from spring_session s where s.session_id = ?", Long.class,
						session.getId());
				return "bytes=" + size + " how=pg_column_size serialized=" + serializedSize(session);
			}
			return "bytes=" + serializedSize(session) + " how=java-serialization";
		}
		TaskRecord record = this.store.find(id).orElseThrow();
		int json = textBytes(record);
		if (this.store instanceof RedisTaskStore redisStore) {
			return "bytes=" + memoryUsage(this.redis.getObject(), redisStore.key(id)) + " how=redis-memory-usage json="
					+ json;
		}
		DataSource db = this.dataSource.getIfAvailable();
		if (db != null && !(this.store instanceof InMemoryTaskStore)) {
			JdbcTemplate jdbc = new JdbcTemplate(db);
			String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
			if ("PostgreSQL".equals(product)) {
				Long size = jdbc.queryForObject("select pg_column_size(t.*) from flows_task t where id = ?", Long.class,
						id);
				return "bytes=" + size + " how=pg_column_size json=" + json;
			}
			Long size = jdbc.queryForObject("select octet_length(id) + octet_length(flow) + octet_length(position)"
					+ " + octet_length(history) + octet_length(state) + octet_length(log) + octet_length(binding)"
					+ " + octet_length(status) + coalesce(octet_length(owner), 0) + 8 + 3 * 12 from flows_task"
					+ " where id = ?", Long.class, id);
			return "bytes=" + size + " how=h2-column-octets json=" + json;
		}
		return "bytes=" + json + " how=record-text json=" + json;
	}

	/**
	 * The heap a live task takes in the memory store: {@code n} copies of the task
	 * {@code _id} (its text copied, not shared) in a store of their own, measured with
	 * full collections before and after.
	 */
	@GetMapping(path = "/heap", produces = "text/plain")
	String heap(@RequestParam(name = "_id") String id, @RequestParam(defaultValue = "100000") int n) {
		TaskRecord template = this.store.find(id).orElseThrow();
		long before = usedHeapAfterGc();
		InMemoryTaskStore copies = new InMemoryTaskStore(n + 1);
		String first = null;
		for (int i = 0; i < n; i++) {
			TaskRecord copy = copy(template, i);
			copies.insert(copy);
			first = (first != null) ? first : copy.id();
		}
		long after = usedHeapAfterGc();
		long perTask = (after - before) / n;
		// read after the measurement, so that the copies are live during it
		boolean held = copies.find(first).isPresent();
		return "bytes=" + perTask + " tasks=" + n + " json=" + textBytes(template) + " held=" + held;
	}

	/**
	 * Runs the cleaner of the store once, as the scheduled job does, and says how long it
	 * took.
	 */
	@PostMapping(path = "/cleanup", produces = "text/plain")
	String cleanup(@RequestParam(defaultValue = "500") int batch) {
		long start = System.nanoTime();
		int removed = new TaskCleaner(this.store, Clock.systemUTC(), batch).clean();
		long micros = (System.nanoTime() - start) / 1000;
		return "removed=" + removed + " micros=" + micros + " batch=" + batch;
	}

	/**
	 * A copy with its own id, text and instants, as the engine writes each record; the
	 * flow id and the status are shared, as they are in the store (the definition's id,
	 * an enum constant's name).
	 */
	private static TaskRecord copy(TaskRecord t, int i) {
		String id = (UUID.randomUUID().toString().replace("-", "") + i).substring(0, 22);
		return new TaskRecord(id, t.flow(), own(t.position()), own(t.history()), own(t.state()), own(t.log()),
				own(t.binding()), t.status(), t.version(), own(t.createdAt()), own(t.updatedAt()),
				own(t.expiresAt()).plusSeconds(3600), own(t.owner()));
	}

	private static Instant own(Instant instant) {
		return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano());
	}

	/** A string with its own bytes ({@code new String(String)} shares them). */
	private static String own(String text) {
		return new String(text.toCharArray());
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static int textBytes(TaskRecord r) {
		int total = 0;
		for (String text : new String[] { r.id(), r.flow(), r.position(), r.history(), r.state(), r.log(), r.binding(),
				r.status(), r.owner() }) {
			total += text.getBytes(StandardCharsets.UTF_8).length;
		}
		return total;
	}

	/**
	 * What the plain controller's session holds, as Spring Session's JDBC store would
	 * write it (its default converter): the baseline's size only. Nothing is ever read
	 * back, and Flows' own tasks are JSON.
	 */
	private static int serializedSize(HttpSession session) {
		SerializingConverter sessionStoreFormat = new SerializingConverter();
		int total = 0;
		for (String name : Collections.list(session.getAttributeNames())) {
			total += sessionStoreFormat.convert(session.getAttribute(name)).length + name.length();
		}
		return total;
	}

	private static Long memoryUsage(RedisConnectionFactory factory, String key) {
		return new StringRedisTemplate(factory).execute(MEMORY_USAGE, List.of(key));
	}

}
