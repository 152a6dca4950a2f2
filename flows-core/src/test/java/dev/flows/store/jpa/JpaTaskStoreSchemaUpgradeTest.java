package dev.flows.store.jpa;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.flows.engine.TaskIds;
import dev.flows.store.ClaimResult;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped scripts bring a {@code flows_task} table created by the first DDL (no
 * owner, no claim columns) up to date, keeping its rows, which read back as anonymous
 * tasks.
 */
class JpaTaskStoreSchemaUpgradeTest {

	/** {@code schema-h2.sql} as first shipped. */
	private static final String FIRST_H2_DDL = """
			CREATE TABLE IF NOT EXISTS flows_task (
			    id          VARCHAR(22)               NOT NULL PRIMARY KEY,
			    flow        VARCHAR(200)              NOT NULL,
			    position    VARCHAR(1000)             NOT NULL,
			    history     CHARACTER LARGE OBJECT    NOT NULL,
			    state       CHARACTER LARGE OBJECT    NOT NULL,
			    log         CHARACTER LARGE OBJECT    NOT NULL,
			    binding     VARCHAR(1000)             NOT NULL,
			    status      VARCHAR(20)               NOT NULL,
			    version     BIGINT                    NOT NULL,
			    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
			    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
			    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
			);
			CREATE INDEX IF NOT EXISTS flows_task_expires_at ON flows_task (expires_at);
			""";

	/** {@code schema-postgresql.sql} as first shipped. */
	private static final String FIRST_POSTGRESQL_DDL = """
			CREATE TABLE IF NOT EXISTS flows_task (
			    id          VARCHAR(22)  NOT NULL PRIMARY KEY,
			    flow        VARCHAR(200) NOT NULL,
			    position    VARCHAR(1000) NOT NULL,
			    history     TEXT         NOT NULL,
			    state       TEXT         NOT NULL,
			    log         TEXT         NOT NULL,
			    binding     VARCHAR(1000) NOT NULL,
			    status      VARCHAR(20)  NOT NULL,
			    version     BIGINT       NOT NULL,
			    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
			    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
			    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
			);
			CREATE INDEX IF NOT EXISTS flows_task_expires_at ON flows_task (expires_at);
			""";

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final TaskRecord oldRow = new TaskRecord(TaskIds.newId(), "contract", "first", "[]", "{\"n\":1}", "[]",
			"binding", "ACTIVE", 3, this.now.minusSeconds(60), this.now, this.now.plus(Duration.ofMinutes(20)));

	@Test
	void theH2ScriptUpgradesTheFirstTable() {
		try (JpaTestDatabase database = JpaTestDatabase.h2("upgrade", firstTableWithARow(FIRST_H2_DDL))) {
			assertUpgraded(database);
			assertThat(database.jdbc.queryForList("select lower(index_name) from information_schema.indexes"
					+ " where lower(table_name) = 'flows_task'", String.class))
				.contains("flows_task_flow_position");
		}
	}

	@Test
	void thePostgresqlScriptUpgradesTheFirstTable() {
		try (JpaTestDatabase database = JpaTestDatabase.postgres(TestServers.postgresJdbcUrl(), "flows_core_upgrade",
				firstTableWithARow(FIRST_POSTGRESQL_DDL))) {
			assertUpgraded(database);
			assertThat(database.jdbc.queryForList(
					"select indexname from pg_indexes where tablename = 'flows_task' and schemaname = current_schema",
					String.class))
				.contains("flows_task_flow_position");
		}
	}

	/**
	 * The first DDL and a row written by the first store, before the shipped script runs
	 * (twice).
	 */
	private Consumer<JdbcTemplate> firstTableWithARow(String ddl) {
		return (jdbc) -> {
			jdbc.execute(ddl);
			TaskRecord r = this.oldRow;
			jdbc.update("""
					insert into flows_task (id, flow, position, history, state, log, binding, status, version,
					    created_at, updated_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(),
					r.flow(), r.position(), r.history(), r.state(), r.log(), r.binding(), r.status(), r.version(),
					Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()), Timestamp.from(r.expiresAt()));
		};
	}

	/**
	 * The database has run the shipped script, and Hibernate has validated the entity
	 * against it.
	 */
	private void assertUpgraded(JpaTestDatabase database) {
		assertThat(
				database.jdbc.queryForList(
						"select lower(column_name) from information_schema.columns"
								+ " where lower(table_name) = 'flows_task' and table_schema = current_schema",
						String.class))
			.contains("owner", "claim_token", "claimed_until");
		assertThat(database.jdbc.queryForObject("select count(*) from flows_task", Integer.class)).isOne();

		JpaTaskStore store = database.store();
		assertThat(store.find(this.oldRow.id())).contains(this.oldRow);
		assertThat(this.oldRow.owner()).isEmpty();
		String token = TaskIds.newId();
		assertThat(store.claim(this.oldRow.id(), 3, token, this.now, this.now.plusSeconds(30)))
			.isEqualTo(ClaimResult.claimed(this.oldRow));
		TaskRecord adopted = new TaskRecord(this.oldRow.id(), "contract", "second", "[\"first\"]", "{}", "[]",
				"binding", "ACTIVE", 4, this.oldRow.createdAt(), this.now, this.oldRow.expiresAt(), "owner:after");
		store.update(adopted, 3);
		assertThat(store.find(this.oldRow.id())).contains(adopted);
		assertThat(store.claim(this.oldRow.id(), 4, TaskIds.newId(), this.now, this.now.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		assertThat(store.countLive(this.now)).map(TaskCounts::byFlow)
			.contains(Map.of("contract", Map.of("second", 1L)));
	}

}
