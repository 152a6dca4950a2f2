package dev.flows.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A task as a store keeps it: plain text and numbers, nothing a store has to interpret.
 * The engine writes and reads the JSON columns; a store only copies them.
 *
 * @param id the task id: 128 random bits, URL-safe Base64
 * @param flow the id of the flow the task runs
 * @param position the current node path within the flow, {@code /}-separated
 * @param history the positions visited before the current one, as a JSON array of strings
 * @param state the task state, a JSON object
 * @param log the transition log, a JSON array
 * @param binding whatever ties the task to the user who started it; may be empty
 * @param status the task status name ({@code ACTIVE}, {@code COMPLETED})
 * @param version incremented by every update; used for optimistic locking
 * @param createdAt when the task was created
 * @param updatedAt when the task was last saved
 * @param expiresAt when the task becomes eligible for removal
 * @param owner who the task belongs to: a digest of the signed-in user's name, or empty
 * while the task is anonymous; records written before owners were kept read back as empty
 */
public record TaskRecord(String id, String flow, String position, String history, String state, String log,
		String binding, String status, long version, Instant createdAt, Instant updatedAt, Instant expiresAt,
		String owner) {

	/**
	 * Requires the id, flow, position, status and times, and reads a {@code null}
	 * history, state, log, binding or owner as empty, so that a store may leave those
	 * columns unset.
	 */
	public TaskRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(flow, "flow");
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
		history = (history != null) ? history : "[]";
		state = (state != null) ? state : "{}";
		log = (log != null) ? log : "[]";
		binding = (binding != null) ? binding : "";
		owner = (owner != null) ? owner : "";
	}

	/** A record of an anonymous task. */
	public TaskRecord(String id, String flow, String position, String history, String state, String log, String binding,
			String status, long version, Instant createdAt, Instant updatedAt, Instant expiresAt) {
		this(id, flow, position, history, state, log, binding, status, version, createdAt, updatedAt, expiresAt, "");
	}

	/** A copy of this record with another expiry. */
	public TaskRecord withExpiresAt(Instant newExpiresAt) {
		return new TaskRecord(this.id, this.flow, this.position, this.history, this.state, this.log, this.binding,
				this.status, this.version, this.createdAt, this.updatedAt, newExpiresAt, this.owner);
	}

	/** A copy of this record with another version. */
	public TaskRecord withVersion(long newVersion) {
		return new TaskRecord(this.id, this.flow, this.position, this.history, this.state, this.log, this.binding,
				this.status, newVersion, this.createdAt, this.updatedAt, this.expiresAt, this.owner);
	}

	/**
	 * The first characters of a task id, for messages that may reach logs: an id is as
	 * good as a password to whoever holds the task's binding, so logs never carry a whole
	 * one.
	 */
	public static String shortId(String id) {
		return (id == null || id.length() <= 6) ? String.valueOf(id) : id.substring(0, 6) + "…";
	}

	/** Whether the record has expired at {@code now}. */
	public boolean isExpiredAt(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	/** Whether the task is still active: not completed. */
	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

}
