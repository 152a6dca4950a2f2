package dev.flows.store.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import dev.flows.store.TaskRecord;

/**
 * One row of {@code flows_task}. Only ever inserted through the entity: rows are read as
 * {@link TaskRecord}s ({@value #RECORD_MAPPING}), never as managed entities, and updates, claims,
 * touches and deletes are bulk statements, so no row is loaded to be changed, no {@code @Version}
 * merge takes place, and a caller's persistence context never hands back a row as it was before a
 * bulk statement changed it.
 * <p>
 * The entity name is {@code FlowsTask}, so that it never clashes with an application entity called
 * {@code TaskEntity}. The claim columns are mapped so that a schema generated from the entity
 * ({@code ddl-auto=create}) has them; they are only ever written by native statements.
 */
@Entity(name = "FlowsTask")
@Table(name = "flows_task", indexes = @Index(name = "flows_task_expires_at", columnList = "expires_at"))
@SqlResultSetMapping(name = TaskEntity.RECORD_MAPPING, classes = @ConstructorResult(targetClass = TaskRecord.class,
		columns = { @ColumnResult(name = "id", type = String.class), @ColumnResult(name = "flow", type = String.class),
				@ColumnResult(name = "position", type = String.class),
				@ColumnResult(name = "history", type = String.class),
				@ColumnResult(name = "state", type = String.class), @ColumnResult(name = "log", type = String.class),
				@ColumnResult(name = "binding", type = String.class),
				@ColumnResult(name = "status", type = String.class),
				@ColumnResult(name = "version", type = Long.class),
				@ColumnResult(name = "created_at", type = Instant.class),
				@ColumnResult(name = "updated_at", type = Instant.class),
				@ColumnResult(name = "expires_at", type = Instant.class),
				@ColumnResult(name = "owner", type = String.class) }))
class TaskEntity implements Persistable<String> {

	/** Longer than any varchar: {@code text} on PostgreSQL, {@code character large object} on H2. */
	static final int TEXT = Integer.MAX_VALUE;

	/**
	 * The result set mapping that reads the columns {@link #RECORD_COLUMNS} of a native query into a
	 * {@link TaskRecord} (a {@code NULL} owner, written before owners were kept, becomes "").
	 */
	static final String RECORD_MAPPING = "FlowsTaskRecord";

	/** The columns {@link #RECORD_MAPPING} reads, in the order of the record's components. */
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

	/** Rows are inserted with persist (one INSERT, no SELECT first); loaded ones are not new. */
	@Transient
	private boolean isNew = true;

	protected TaskEntity() {
	}

	static TaskEntity of(TaskRecord record) {
		TaskEntity entity = new TaskEntity();
		entity.id = record.id();
		entity.flow = record.flow();
		entity.position = record.position();
		entity.history = record.history();
		entity.state = record.state();
		entity.log = record.log();
		entity.binding = record.binding();
		entity.status = record.status();
		entity.version = record.version();
		entity.createdAt = record.createdAt();
		entity.updatedAt = record.updatedAt();
		entity.expiresAt = record.expiresAt();
		entity.owner = record.owner();
		return entity;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	void loaded() {
		this.isNew = false;
	}

}
