package dev.flows.sample;

/**
 * Where the real Redis and PostgreSQL of {@link RedisPostgresProfileTest} are.
 * {@code bash
 * scripts/test.sh} starts both and exports their addresses; without them that test fails
 * (it is never skipped), saying so.
 */
final class TestServers {

	static final String REDIS_URL = "FLOWS_TEST_REDIS_URL";

	static final String POSTGRES_URL = "FLOWS_TEST_POSTGRES_URL";

	private TestServers() {
	}

	/** A Redis URL, e.g. {@code redis://127.0.0.1:6390}. */
	static String redisUrl() {
		return require(REDIS_URL, "Redis");
	}

	/** The JDBC URL of a PostgreSQL database, user {@code postgres}, no password. */
	static String postgresJdbcUrl() {
		return require(POSTGRES_URL, "PostgreSQL");
	}

	private static String require(String variable, String server) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set: the redis-postgres profile test needs a real "
					+ server
					+ " server. Run the tests with `bash scripts/test.sh`, which starts Redis and PostgreSQL and"
					+ " sets " + REDIS_URL + " and " + POSTGRES_URL + " (or set " + variable
					+ " to a server of your own).");
		}
		return value;
	}

}
