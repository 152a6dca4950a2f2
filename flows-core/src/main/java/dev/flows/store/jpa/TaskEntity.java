package dev.flows.store.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import dev.flows.store.TaskRecord;

/**
 * One row of {@code flows_task}. Only ever inserted or read whole: updates, touches and deletes are
 * bulk statements, so no row is loaded to be changed and no {@code @Version} merge takes place.
 * <p>
 * The entity name is {@code FlowsTask}, so that it never clashes with an application entity called
 * {@code TaskEntity}.
 */
@Entity(name = "FlowsTask")
@Table(name = "flows_task", indexes = @Index(name = "flows_task_expires_at", columnList = "expires_at"))
class TaskEntity implements Persistable<String> {

	/** Longer than any varchar: {@code text} on PostgreSQL, {@code character large object} on H2. */
	static final int TEXT = Integer.MAX_VALUE;

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
		return entity;
	}

	TaskRecord toRecord() {
		return new TaskRecord(this.id, this.flow, this.position, this.history, this.state, this.log, this.binding,
				this.status, this.version, this.createdAt, this.updatedAt, this.expiresAt);
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
