package dev.flows.store;

import java.net.URI;

/**
 * Where the real Redis and PostgreSQL of the tests are, for every module: flows-core
 * publishes its test classes as a test-jar, which the auto-configuration and the sample
 * depend on. {@code bash scripts/test.sh} starts both and exports their addresses; a test
 * run without them fails (it is never skipped), saying so.
 */
public final class TestServers {

	/** A Redis URL, e.g. {@code redis://127.0.0.1:6390}. */
	public static final String REDIS_URL = "FLOWS_TEST_REDIS_URL";

	/** The nodes of a Redis Cluster, {@code host:port,host:port,...}. */
	public static final String REDIS_CLUSTER_NODES = "FLOWS_TEST_REDIS_CLUSTER_NODES";

	/** A JDBC URL of a PostgreSQL database, user {@code postgres}, no password. */
	public static final String POSTGRES_URL = "FLOWS_TEST_POSTGRES_URL";

	private TestServers() {
	}

	/** The Redis server's URI. */
	public static URI redis() {
		return URI.create(redisUrl());
	}

	/** The Redis server's URL, as {@code spring.data.redis.url} takes it. */
	public static String redisUrl() {
		return require(REDIS_URL, "Redis");
	}

	/** The Redis Cluster's nodes, {@code host:port} each. */
	public static java.util.List<String> redisClusterNodes() {
		return java.util.List.of(require(REDIS_CLUSTER_NODES, "Redis Cluster").split(","));
	}

	/** The PostgreSQL database's JDBC URL. */
	public static String postgresJdbcUrl() {
		return require(POSTGRES_URL, "PostgreSQL");
	}

	private static String require(String variable, String server) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: these tests need a real " + server
					+ " server. Run the tests with `bash scripts/test.sh`, which starts Redis, a Redis Cluster and PostgreSQL and sets "
					+ REDIS_URL + ", " + REDIS_CLUSTER_NODES + " and " + POSTGRES_URL + " (or set " + variable
					+ " to a server of your own).");
		}
		return value;
	}

}
