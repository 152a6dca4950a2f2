package dev.flows.store.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.flows.store.TaskRecord;

/**
 * The table {@code flows_task}, mapped so that the persistence unit knows it: a schema
 * generated from the entities ({@code ddl-auto=create}) has it, schema validation checks
 * it, and the store knows the unit is set up for it. The store never loads or persists
 * this entity: it reads and writes rows with plain SQL statements into
 * {@link TaskRecord}s (see {@link JpaTaskStore}), so no {@code @Version} merge takes
 * place, and a caller's persistence context never holds a task, let alone one older than
 * the row.
 * <p>
 * The entity name is {@code FlowsTask}, so that it never clashes with an application
 * entity called {@code TaskEntity}.
 */
@Entity(name = "FlowsTask")
@Table(name = "flows_task", indexes = { @Index(name = "flows_task_expires_at", columnList = "expires_at"),
		@Index(name = "flows_task_flow_position", columnList = "flow, position, status, expires_at") })
class TaskEntity {

	/**
	 * The length of the JSON columns as the mapping declares it: the longest varchar
	 * Hibernate maps on H2 (1 MiB characters), so that it expects
	 * {@code character varying} there rather than a {@code character large object}, which
	 * H2 writes and reads several times slower. The shipped DDL declares {@code text} on
	 * PostgreSQL and {@code character varying} without a length on H2.
	 */
	static final int TEXT = 1_048_576;

	/**
	 * The columns the store reads and writes, in the order of the components of
	 * {@link TaskRecord}.
	 */
	static final String RECORD_COLUMNS = "id, flow, position, history, state, log, binding, status, version, "
			+ "created_at, updated_at, expires_at, owner";

	@Id
	@Column(name = "id", length = 22, nullable = false)
	private String id;

	@Column(name = "flow", length = 200, nullable = false)
	private String flow;

	@Column(name = "position", length = 1000, nullable = false)
	private String position;

	@Column(name = "history", length = TEXT, nullable = false)
	private String history;

	@Column(name = "state", length = TEXT, nullable = false)
	private String state;

	@Column(name = "log", length = TEXT, nullable = false)
	private String log;

	@Column(name = "binding", length = 1000, nullable = false)
	private String binding;

	@Column(name = "status", length = 20, nullable = false)
	private String status;

	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "owner", length = 200)
	private String owner;

	@Column(name = "claim_token", length = 64)
	private String claimToken;

	@Column(name = "claimed_until")
	private Instant claimedUntil;

	protected TaskEntity() {
	}

}
