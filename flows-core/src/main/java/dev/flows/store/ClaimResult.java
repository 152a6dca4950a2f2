package dev.flows.store;

import java.util.Objects;

/**
 * What {@link TaskStore#claim} found: whether this request may now run the task's step,
 * and the task as stored, so that claiming is also the request's one load.
 *
 * @param status what happened
 * @param record the stored task; {@code null} only when {@link Status#MISSING}
 */
public record ClaimResult(Status status, TaskRecord record) {

	/**
	 * Checks that the result has a record unless, and only unless, the task is
	 * {@link Status#MISSING}; the factory methods make results that pass.
	 * @throws IllegalArgumentException if the record does not fit the status
	 */
	public ClaimResult {
		Objects.requireNonNull(status, "status");
		if ((status == Status.MISSING) != (record == null)) {
			throw new IllegalArgumentException(
					"A " + status + " claim result " + ((record == null) ? "needs" : "has no") + " record");
		}
	}

	/**
	 * The claim is this request's: no other request can claim the task until it is
	 * released.
	 */
	public static ClaimResult claimed(TaskRecord record) {
		return new ClaimResult(Status.CLAIMED, record);
	}

	/** Another request holds a live claim on the same version. */
	public static ClaimResult busy(TaskRecord record) {
		return new ClaimResult(Status.BUSY, record);
	}

	/** The task is stored at another version: the submitted page is out of date. */
	public static ClaimResult stale(TaskRecord record) {
		return new ClaimResult(Status.STALE, record);
	}

	/** No task has that id. */
	public static ClaimResult missing() {
		return new ClaimResult(Status.MISSING, null);
	}

	/** What a claim attempt found. */
	public enum Status {

		/** Claimed by the caller. */
		CLAIMED,
		/** Claimed by someone else, and that claim has not lapsed. */
		BUSY,
		/** Stored at another version; nothing claimed. */
		STALE,
		/** Not stored; nothing claimed. */
		MISSING

	}

}
