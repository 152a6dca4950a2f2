package dev.flows.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A task's log of moves, the latest {@value Task#MAX_LOG_ENTRIES}. A stored log stays the
 * text it was stored as until someone reads its entries: a submit appends one move and
 * the codec writes the text back with the move added, without parsing it.
 */
final class TaskLog {

	private final Function<String, List<TransitionRecord>> reader;

	/** The log as stored, while nobody has read it; {@code null} after. */
	private String unread;

	/**
	 * All entries once read (and for a new task); while {@link #unread} is set, the moves
	 * appended since the load.
	 */
	private final List<TransitionRecord> entries;

	private TaskLog(String unread, Function<String, List<TransitionRecord>> reader, List<TransitionRecord> entries) {
		this.unread = unread;
		this.reader = reader;
		this.entries = new ArrayList<>(entries);
	}

	/** The log of a task not stored yet. */
	static TaskLog empty() {
		return new TaskLog(null, null, List.of());
	}

	/** The log stored as {@code text}, read by {@code reader} when needed. */
	static TaskLog stored(String text, Function<String, List<TransitionRecord>> reader) {
		return new TaskLog(text, reader, List.of());
	}

	/** Every move, oldest first; reads the stored text on the first call. */
	List<TransitionRecord> entries() {
		if (this.unread != null) {
			List<TransitionRecord> all = new ArrayList<>(this.reader.apply(this.unread));
			all.addAll(this.entries);
			this.entries.clear();
			this.entries.addAll(all);
			this.unread = null;
			keepLatest(this.entries);
		}
		return this.entries;
	}

	void append(TransitionRecord move) {
		this.entries.add(move);
		if (this.entries.size() >= Task.MAX_LOG_ENTRIES) {
			// Nothing of the stored text would be kept.
			this.unread = null;
		}
		keepLatest(this.entries);
	}

	/** The stored text, if nobody has read it; {@code null} otherwise. */
	String unread() {
		return this.unread;
	}

	/**
	 * The moves appended since the stored text was loaded, while it is
	 * {@linkplain #unread() unread}.
	 */
	List<TransitionRecord> appended() {
		return this.entries;
	}

	private static void keepLatest(List<TransitionRecord> entries) {
		if (entries.size() > Task.MAX_LOG_ENTRIES) {
			entries.subList(0, entries.size() - Task.MAX_LOG_ENTRIES).clear();
		}
	}

}
