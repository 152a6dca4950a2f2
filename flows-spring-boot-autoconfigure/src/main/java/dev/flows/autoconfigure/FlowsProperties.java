package dev.flows.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Flows, under {@code flows.*}.
 * <p>
 * A value Flows cannot work with is rejected by its setter while it is bound, with a
 * {@link FlowsConfigurationException} that names the property and the values it takes:
 * the start then fails with that report instead of an exception from a constructor deep
 * in the stack trace. Checked in code rather than with Bean Validation, which needs a
 * validator that an application with only the starter does not have.
 */
@ConfigurationProperties("flows")
class FlowsProperties {

	private final Store store = new Store();

	private final TaskProperties task = new TaskProperties();

	private final Binder binder = new Binder();

	private final Jpa jpa = new Jpa();

	private final Redis redis = new Redis();

	private final Cleanup cleanup = new Cleanup();

	private final Web web = new Web();

	private final Graph graph = new Graph();

	private final Htmx htmx = new Htmx();

	public Store getStore() {
		return this.store;
	}

	public TaskProperties getTask() {
		return this.task;
	}

	public Binder getBinder() {
		return this.binder;
	}

	public Jpa getJpa() {
		return this.jpa;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Cleanup getCleanup() {
		return this.cleanup;
	}

	public Web getWeb() {
		return this.web;
	}

	public Graph getGraph() {
		return this.graph;
	}

	public Htmx getHtmx() {
		return this.htmx;
	}

	/** Where tasks are kept. */
	static class Store {

		/**
		 * Task store: "auto" picks JPA when an EntityManagerFactory exists, else Redis
		 * when a RedisConnectionFactory exists, else memory.
		 */
		private StoreType type = StoreType.AUTO;

		private final Memory memory = new Memory();

		private final Guard guard = new Guard();

		public StoreType getType() {
			return this.type;
		}

		public void setType(StoreType type) {
			this.type = type;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public Guard getGuard() {
			return this.guard;
		}

		/** The memory task store. */
		static class Memory {

			/**
			 * Most tasks the memory store holds. When full, it removes the tasks nearest
			 * their expiry (expired ones first) to make room, and logs a warning once.
			 */
			// InMemoryTaskStore.DEFAULT_MAX_TASKS, written out so that the metadata has
			// the default
			private int maxTasks = 10_000;

			public int getMaxTasks() {
				return this.maxTasks;
			}

			public void setMaxTasks(int maxTasks) {
				checkAtLeastOne(maxTasks, "flows.store.memory.max-tasks", "how many tasks the memory store holds",
						10_000);
				this.maxTasks = maxTasks;
			}

		}

	}

	/**
	 * How flow requests wait for the task store, and stop waiting for one that is down.
	 */
	static class Guard {

		/**
		 * Whether the engine's task store calls are guarded: each waits at most
		 * "timeout", and a circuit breaker refuses them at once while the store is down.
		 * Needs Resilience4j, which the starter brings.
		 */
		private boolean enabled = true;

		/**
		 * Longest a request waits for one task store call before it answers 503. Calls
		 * inside a transaction of the application run on its thread, without this limit.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How many task store calls run at once, on threads of the guard's own; more wait
		 * their turn, within the timeout. At least the server's request threads, so that
		 * no call waits for a thread: the bound is for a store that hangs. Only with the
		 * "guard-thread" isolation.
		 */
		private int maxConcurrentCalls = 200;

		/**
		 * Which thread runs a task store call. "caller-thread": the request's own, which
		 * a watchdog interrupts once the call outlasts the timeout; no hand-off between
		 * threads, but only waits that give way to an interrupt are bounded (Lettuce's
		 * and HikariCP's do, a JDBC socket read on a dead network does not).
		 * "guard-thread": one of the guard's threads, while the request waits at most the
		 * timeout whatever the call waits for; two hand-offs per call. "auto": the
		 * caller's thread for the memory store, the Redis store through Lettuce and the
		 * JPA store on an in-memory database (jdbc:h2:mem:), the guard's threads for the
		 * Redis store through Jedis, the JPA store on any other database and a store of
		 * the application's.
		 */
		private Isolation isolation = Isolation.AUTO;

		private final CircuitBreaker circuitBreaker = new CircuitBreaker();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			checkPositive(timeout, "flows.store.guard.timeout", "how long a request waits for one task store call",
					"2s");
			this.timeout = timeout;
		}

		public int getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(int maxConcurrentCalls) {
			check(maxConcurrentCalls >= 1, "flows.store.guard.max-concurrent-calls", maxConcurrentCalls,
					"at least one task store call must be able to run",
					"Set flows.store.guard.max-concurrent-calls to 1 or more (at least the server's request"
							+ " threads), or remove it for the default (200)");
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public Isolation getIsolation() {
			return this.isolation;
		}

		public void setIsolation(Isolation isolation) {
			this.isolation = isolation;
		}

		public CircuitBreaker getCircuitBreaker() {
			return this.circuitBreaker;
		}

		/** Which thread runs a guarded task store call. */
		enum Isolation {

			/**
			 * The caller's thread where every wait of the store's client gives way to an
			 * interrupt, the guard's threads otherwise.
			 */
			AUTO,

			/** The caller's thread, interrupted by a watchdog once late. */
			CALLER_THREAD,

			/** One of the guard's threads; the caller stops waiting at the timeout. */
			GUARD_THREAD

		}

		/**
		 * The circuit breaker over task store calls. Only failures to reach the store
		 * count, timeouts included.
		 */
		static class CircuitBreaker {

			/**
			 * Whether repeated failures of the task store open a circuit breaker, so that
			 * later requests answer 503 at once instead of waiting for the timeout.
			 */
			private boolean enabled = true;

			/**
			 * Percentage of failed calls, among the last "sliding-window-size", that
			 * opens the breaker.
			 */
			private float failureRateThreshold = 50;

			/** How many of the latest calls the failure rate is computed over. */
			private int slidingWindowSize = 20;

			/**
			 * How many calls must have been made before the failure rate may open the
			 * breaker.
			 */
			private int minimumNumberOfCalls = 5;

			/**
			 * How long the breaker stays open, refusing every call, before calls probe
			 * the store again.
			 */
			private Duration waitDurationInOpenState = Duration.ofSeconds(5);

			/**
			 * How many calls probe the store after the wait; the breaker closes if enough
			 * of them succeed.
			 */
			private int permittedNumberOfCallsInHalfOpenState = 3;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public float getFailureRateThreshold() {
				return this.failureRateThreshold;
			}

			public void setFailureRateThreshold(float failureRateThreshold) {
				check(failureRateThreshold > 0 && failureRateThreshold <= 100,
						"flows.store.guard.circuit-breaker.failure-rate-threshold", failureRateThreshold,
						"it is a percentage of failed calls, above 0 and at most 100",
						"Set flows.store.guard.circuit-breaker.failure-rate-threshold to a percentage above 0 and"
								+ " at most 100, or remove it for the default (50)");
				this.failureRateThreshold = failureRateThreshold;
			}

			public int getSlidingWindowSize() {
				return this.slidingWindowSize;
			}

			public void setSlidingWindowSize(int slidingWindowSize) {
				checkAtLeastOne(slidingWindowSize, "flows.store.guard.circuit-breaker.sliding-window-size",
						"how many calls the failure rate is computed over", 20);
				this.slidingWindowSize = slidingWindowSize;
			}

			public int getMinimumNumberOfCalls() {
				return this.minimumNumberOfCalls;
			}

			public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
				checkAtLeastOne(minimumNumberOfCalls, "flows.store.guard.circuit-breaker.minimum-number-of-calls",
						"how many calls must be made before the breaker may open", 5);
				this.minimumNumberOfCalls = minimumNumberOfCalls;
			}

			public Duration getWaitDurationInOpenState() {
				return this.waitDurationInOpenState;
			}

			public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
				// Resilience4j's own floor: one millisecond
				check(waitDurationInOpenState != null && waitDurationInOpenState.toMillis() >= 1,
						"flows.store.guard.circuit-breaker.wait-duration-in-open-state",
						format(waitDurationInOpenState), "the breaker stays open at least one millisecond",
						"Set flows.store.guard.circuit-breaker.wait-duration-in-open-state to 1ms or more, or"
								+ " remove it for the default (5s)");
				this.waitDurationInOpenState = waitDurationInOpenState;
			}

			public int getPermittedNumberOfCallsInHalfOpenState() {
				return this.permittedNumberOfCallsInHalfOpenState;
			}

			public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
				checkAtLeastOne(permittedNumberOfCallsInHalfOpenState,
						"flows.store.guard.circuit-breaker.permitted-number-of-calls-in-half-open-state",
						"how many calls probe the store before the breaker closes", 3);
				this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
			}

		}

	}

	/** Task store types. */
	enum StoreType {

		/** JPA if available, else Redis if available, else memory. */
		AUTO,
		/** In this JVM only; tasks are lost on restart. */
		MEMORY,
		/** One table through JPA: H2, PostgreSQL, ... */
		JPA,
		/** One key per task, expiring by TTL. */
		REDIS

	}

	/** How tasks behave. */
	static class TaskProperties {

		/** Name of the request parameter that carries the task id. */
		private String idParam = "_id";

		/** An active task unused for this long expires. */
		private Duration idleTimeout = Duration.ofMinutes(20);

		/**
		 * How long a completed task stays readable, so that a refresh of the last page
		 * works.
		 */
		private Duration completedRetention = Duration.ofMinutes(10);

		/**
		 * Reading a task's pages moves its expiry at most this often, so most GETs write
		 * nothing.
		 */
		private Duration touchInterval = Duration.ofMinutes(1);

		/**
		 * How long a submit holds its claim on a task while the step's handler runs;
		 * after that another request may take the task over, so a node that stopped
		 * mid-request blocks its tasks this long at most. Longer than the slowest step
		 * handler.
		 */
		private Duration claimTimeout = Duration.ofSeconds(30);

		/**
		 * How long a duplicate submit (a double click, a retry on another node) waits for
		 * the request that holds the task before it is sent to wherever the task is.
		 */
		private Duration claimWait = Duration.ofSeconds(2);

		/** Largest task state, as JSON, that may be saved. */
		private DataSize maxStateSize = DataSize.ofKilobytes(64);

		/**
		 * What an unknown, expired or foreign task id leads to: "restart" the flow with a
		 * message, or answer "not-found" (404).
		 */
		private UnknownTaskResponse onUnknown = UnknownTaskResponse.RESTART;

		public String getIdParam() {
			return this.idParam;
		}

		public void setIdParam(String idParam) {
			this.idParam = idParam;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			checkPositive(idleTimeout, "flows.task.idle-timeout", "how long an unused task lives", "20m");
			this.idleTimeout = idleTimeout;
		}

		public Duration getCompletedRetention() {
			return this.completedRetention;
		}

		public void setCompletedRetention(Duration completedRetention) {
			this.completedRetention = completedRetention;
		}

		public Duration getTouchInterval() {
			return this.touchInterval;
		}

		public void setTouchInterval(Duration touchInterval) {
			this.touchInterval = touchInterval;
		}

		public Duration getClaimTimeout() {
			return this.claimTimeout;
		}

		public void setClaimTimeout(Duration claimTimeout) {
			checkPositive(claimTimeout, "flows.task.claim-timeout",
					"how long a submit holds its claim on a task while the step's handler runs", "30s");
			this.claimTimeout = claimTimeout;
		}

		public Duration getClaimWait() {
			return this.claimWait;
		}

		public void setClaimWait(Duration claimWait) {
			check(claimWait != null && !claimWait.isNegative(), "flows.task.claim-wait", format(claimWait),
					"a duplicate submit cannot wait a negative time",
					"Set flows.task.claim-wait to 0 (do not wait) or more, or remove it for the default (2s)");
			this.claimWait = claimWait;
		}

		public DataSize getMaxStateSize() {
			return this.maxStateSize;
		}

		public void setMaxStateSize(DataSize maxStateSize) {
			check(maxStateSize != null && maxStateSize.toBytes() > 0 && maxStateSize.toBytes() <= Integer.MAX_VALUE,
					"flows.task.max-state-size", maxStateSize,
					"a task's state must be allowed some bytes, and fewer than 2GB",
					"Set flows.task.max-state-size to a size such as 64KB, or remove it for the default (64KB)");
			this.maxStateSize = maxStateSize;
		}

		public UnknownTaskResponse getOnUnknown() {
			return this.onUnknown;
		}

		public void setOnUnknown(UnknownTaskResponse onUnknown) {
			this.onUnknown = onUnknown;
		}

	}

	/** Responses to an unknown task id. */
	enum UnknownTaskResponse {

		/** 303 to the flow's entry, which says the previous task expired. */
		RESTART,
		/** 404 Not Found. */
		NOT_FOUND

	}

	/** How a task is tied to the user who started it. */
	static class Binder {

		/**
		 * Binder: "session" (a random secret in the HTTP session), "principal" (the user
		 * name), "cookie" (an HMAC-signed cookie, for several nodes without shared
		 * sessions) or "none".
		 */
		private BinderType type = BinderType.SESSION;

		private final Cookie cookie = new Cookie();

		public BinderType getType() {
			return this.type;
		}

		public void setType(BinderType type) {
			this.type = type;
		}

		public Cookie getCookie() {
			return this.cookie;
		}

		/** The signed-cookie binder. */
		static class Cookie {

			/**
			 * Secret key for the cookie's HMAC; the same on every node. Required for the
			 * cookie binder.
			 */
			private String secret;

			/** Name of the cookie. */
			private String name = "FLOWS_BINDING";

			/** Whether the cookie is sent only over HTTPS. */
			private boolean secure = false;

			public String getSecret() {
				return this.secret;
			}

			public void setSecret(String secret) {
				this.secret = secret;
			}

			public String getName() {
				return this.name;
			}

			public void setName(String name) {
				this.name = name;
			}

			public boolean isSecure() {
				return this.secure;
			}

			public void setSecure(boolean secure) {
				this.secure = secure;
			}

		}

	}

	/** Task binder types. */
	enum BinderType {

		/** A random secret kept in the HTTP session. */
		SESSION,
		/** The authenticated user's name. */
		PRINCIPAL,
		/** An HMAC-signed cookie. */
		COOKIE,
		/** No binding: anyone with the id may continue the task. */
		NONE

	}

	/** The JPA task store. */
	static class Jpa {

		/**
		 * Whether to create the flows_task table at startup: "embedded" databases only,
		 * "always" or "never".
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		/**
		 * When the flows_task table is created. Flows' own type, with the values of
		 * Spring Boot's {@code DatabaseInitializationMode}: that type lives in
		 * spring-boot-sql, which an application without a database does not have, and
		 * this class is loaded in every application.
		 */
		enum SchemaInitialization {

			/** Only on an embedded database (H2, HSQLDB, Derby). */
			EMBEDDED,
			/** On every database, at every start (the shipped scripts are idempotent). */
			ALWAYS,
			/** Never: the table is created by the application's own migrations. */
			NEVER

		}

	}

	/** The Redis task store. */
	static class Redis {

		/** Prefix of the key of each task. */
		private String keyPrefix = "flows:task:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		/**
		 * Whether to keep an index of live tasks per flow and step (one more Redis call
		 * per write), so that the actuator endpoint and metrics can count them without
		 * scanning keys.
		 */
		private boolean indexLive = true;

		public boolean isIndexLive() {
			return this.indexLive;
		}

		public void setIndexLive(boolean indexLive) {
			this.indexLive = indexLive;
		}

	}

	/** The job that removes expired tasks. */
	static class Cleanup {

		/** Whether to run the cleanup job. */
		private boolean enabled = true;

		/** Cron expression of the cleanup job. */
		private String cron = "0 */5 * * * *";

		/** How many tasks one DELETE removes at most. */
		private int batchSize = 500;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			check(cron != null && CronExpression.isValidExpression(cron), "flows.cleanup.cron", cron,
					"it is not a cron expression Spring can schedule (six fields: second, minute, hour, day of"
							+ " month, month, day of week)",
					"Set flows.cleanup.cron to a Spring cron expression such as '0 */5 * * * *' (every five"
							+ " minutes, the default) or a macro such as '@hourly'; or set flows.cleanup.enabled=false"
							+ " to remove expired tasks by other means");
			this.cron = cron;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			checkAtLeastOne(batchSize, "flows.cleanup.batch-size",
					"how many expired tasks one DELETE of the cleanup removes", 500);
			this.batchSize = batchSize;
		}

	}

	/** The Spring MVC adapter. */
	static class Web {

		/**
		 * Name of the hidden form field that carries the task version, so stale forms are
		 * detected.
		 */
		private String versionParam = "_v";

		/**
		 * Where @RequiresLogin sends an anonymous user when Spring Security is absent;
		 * unset answers 401.
		 */
		private String loginUrl;

		public String getVersionParam() {
			return this.versionParam;
		}

		public void setVersionParam(String versionParam) {
			this.versionParam = versionParam;
		}

		public String getLoginUrl() {
			return this.loginUrl;
		}

		public void setLoginUrl(String loginUrl) {
			this.loginUrl = loginUrl;
		}

	}

	/** Each flow's graph, drawn by the application itself. */
	static class Graph {

		/**
		 * Whether each flow answers GET {flow path}/.flowgraph with its graph: SVG, or
		 * Graphviz DOT or Mermaid text with ?format=dot or ?format=mermaid; with the task
		 * id parameter, that task's current step and path are marked.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** Steps that swap in place with htmx. */
	static class Htmx {

		/**
		 * Whether flow pages answer htmx requests (HX-Request) with the step's fragment
		 * and htmx redirects. Unset: on when htmx-spring-boot
		 * (io.github.wimdeblauwe:htmx-spring-boot) is on the classpath.
		 */
		private Boolean enabled;

		/**
		 * The fragment of a step's view swapped in place, unless the step names its own
		 * with @FlowAction(fragment).
		 */
		private String fragment = "step";

		/**
		 * The fragment of a step's view that holds its form, unless the step names its
		 * own with @FlowAction(formFragment). A form htmx submitted that is shown again
		 * (with its validation errors) is answered with this fragment alone, swapped over
		 * the element with the id of its first element; a view without it is answered
		 * with the step's fragment. Empty: always the step's fragment. Not an HTML
		 * element name: in Thymeleaf, "form" would select every form of the view.
		 */
		private String formFragment = "step-form";

		/**
		 * Views rendered after the step's fragment in every fragment answer, for
		 * out-of-band swaps (elements marked hx-swap-oob) and the page title; ":: name"
		 * is a fragment of the step's own view.
		 */
		private List<String> outOfBand = new ArrayList<>();

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public String getFragment() {
			return this.fragment;
		}

		public void setFragment(String fragment) {
			check(fragment != null && !fragment.isBlank(), "flows.htmx.fragment", fragment,
					"an htmx answer swaps in a fragment of the step's view, which needs a name",
					"Set flows.htmx.fragment to the name of a fragment (th:fragment) that every step's view has,"
							+ " or remove it for the default (step)");
			this.fragment = fragment;
		}

		public String getFormFragment() {
			return this.formFragment;
		}

		public void setFormFragment(String formFragment) {
			this.formFragment = formFragment;
		}

		public List<String> getOutOfBand() {
			return this.outOfBand;
		}

		public void setOutOfBand(List<String> outOfBand) {
			this.outOfBand = outOfBand;
		}

	}

	private static void check(boolean valid, String property, Object value, String reason, String action) {
		if (!valid) {
			throw FlowsConfigurationException.invalidProperty(property, value, reason, action);
		}
	}

	private static void checkAtLeastOne(int value, String property, String reason, int defaultValue) {
		check(value >= 1, property, value, "it must be at least 1, as it is " + reason,
				"Set " + property + " to 1 or more, or remove it for the default (" + defaultValue + ")");
	}

	private static void checkPositive(Duration value, String property, String reason, String defaultValue) {
		check(value != null && !value.isNegative() && !value.isZero(), property, format(value),
				"it must be positive, as it is " + reason, "Set " + property + " to a positive duration such as "
						+ defaultValue + ", or remove it for the default (" + defaultValue + ")");
	}

	/** A duration as it is written in application.properties. */
	private static String format(Duration duration) {
		return (duration != null) ? DurationStyle.SIMPLE.print(duration) : null;
	}

}
