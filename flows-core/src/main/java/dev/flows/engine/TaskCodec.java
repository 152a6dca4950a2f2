package dev.flows.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Position;
import dev.flows.state.TaskState;
import dev.flows.state.TaskStateCodec;
import dev.flows.state.TaskStateException;
import dev.flows.store.CorruptTaskException;
import dev.flows.store.TaskRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns tasks into store records and back. Plain JSON only: nothing a stored record holds
 * can make the application instantiate a class it did not ask for.
 */
final class TaskCodec {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<StoredTransition>> LOG = new TypeReference<>() {
	};

	private final TaskStateCodec stateCodec;

	private final JsonMapper mapper;

	/**
	 * How the JSON of each stored log entry starts, as this mapper writes it: its first
	 * property's name, such as <code>{"f":</code>.
	 */
	private final String entryStart;

	TaskCodec(TaskStateCodec stateCodec) {
		this.stateCodec = stateCodec;
		this.mapper = stateCodec.mapper();
		String entry = this.mapper.writeValueAsString(new StoredTransition("", "", TransitionKind.START, null, 0));
		this.entryStart = entry.substring(0, entry.indexOf(':') + 1);
	}

	TaskRecord encode(Task task, long version, Instant updatedAt, Instant expiresAt) {
		List<String> history = task.history().stream().map(Position::toString).toList();
		return new TaskRecord(task.id(), task.flow().id(), task.position().toString(),
				this.mapper.writeValueAsString(history), this.stateCodec.write(task.state()),
				writeLog(task.storedLog()), task.binding(), task.status().name(), version, task.createdAt(), updatedAt,
				expiresAt, task.owner());
	}

	/**
	 * The task a record holds. A record written by an older build of the application is
	 * resumed as far as it still fits: steps that no longer exist are dropped from the
	 * history, and a position that no longer exists falls back to the latest step of the
	 * history that does.
	 * @throws CorruptTaskException if nothing of the task can be resumed
	 */
	Task decode(TaskRecord record, FlowRegistry registry) {
		FlowDefinition flow = registry.byId(record.flow())
			.orElseThrow(() -> new CorruptTaskException(
					"Stored task belongs to flow '" + record.flow() + "', which this application no longer has", null));
		try {
			List<Position> history = new ArrayList<>();
			for (String visited : this.mapper.readValue(record.history(), STRINGS)) {
				Position position = existingAction(flow, visited);
				if (position != null) {
					history.add(position);
				}
			}
			Position position = existingAction(flow, record.position());
			if (position == null) {
				if (history.isEmpty()) {
					throw new CorruptTaskException(
							"Stored task of flow '" + flow.id() + "' is at '" + record.position()
									+ "', which is no longer a step of the flow, and no step of its history is either",
							null);
				}
				// Resume where the user last was on a step that still exists.
				position = history.remove(history.size() - 1);
			}
			TaskState state = this.stateCodec.read(record.state());
			TaskStatus status = TaskStatus.valueOf(record.status());
			return new Task(record.id(), flow, position, history, state, TaskLog.stored(record.log(), this::readLog),
					record.binding(), record.owner(), status, record.version(), true, record.createdAt(),
					record.updatedAt(), record.expiresAt());
		}
		catch (JacksonException | TaskStateException | IllegalArgumentException ex) {
			throw new CorruptTaskException("Stored task of flow '" + flow.id() + "' cannot be read: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The log's text. One loaded and not read since gets the moves appended to its text:
	 * parsing all of it to add one move cost a submit more than the rest of the task's
	 * JSON together.
	 */
	private String writeLog(TaskLog log) {
		String unread = log.unread();
		if (unread == null) {
			return writeEntries(log.entries());
		}
		if (log.appended().isEmpty()) {
			return unread;
		}
		if (!unread.equals("[]") && !(unread.startsWith("[" + this.entryStart) && unread.endsWith("}]"))) {
			// Not what this build writes: read (and so drop, if unreadable) and write
			// anew.
			return writeEntries(log.entries());
		}
		String appended = writeEntries(log.appended());
		String joined = unread.equals("[]") ? appended
				: unread.substring(0, unread.length() - 1) + "," + appended.substring(1);
		return keepLatest(joined);
	}

	private String writeEntries(List<TransitionRecord> entries) {
		return this.mapper.writeValueAsString(entries.stream().map(StoredTransition::of).toList());
	}

	/**
	 * The latest {@value Task#MAX_LOG_ENTRIES} entries of a log's text. Each entry starts
	 * with {@link #entryStart}, which JSON cannot hold inside a string (its quotes would
	 * be escaped), so counting those counts the entries.
	 */
	private String keepLatest(String log) {
		List<Integer> starts = new ArrayList<>();
		for (int at = log.indexOf(this.entryStart); at >= 0; at = log.indexOf(this.entryStart, at + 1)) {
			starts.add(at);
		}
		if (starts.size() <= Task.MAX_LOG_ENTRIES) {
			return log;
		}
		return "[" + log.substring(starts.get(starts.size() - Task.MAX_LOG_ENTRIES));
	}

	/**
	 * The log is informational: one that an older build wrote differently is dropped, not
	 * fatal.
	 */
	private List<TransitionRecord> readLog(String json) {
		try {
			return this.mapper.readValue(json, LOG).stream().map(StoredTransition::toRecord).toList();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return List.of();
		}
	}

	/**
	 * The action at {@code path}, or {@code null} if the flow no longer has one there.
	 */
	private static Position existingAction(FlowDefinition flow, String path) {
		Position position = Position.parse(path);
		return flow.action(position).isPresent() ? position : null;
	}

	/**
	 * A log entry as stored: short names and epoch milliseconds keep rows small and
	 * parsing cheap (ISO instants cost several microseconds each to parse).
	 */
	record StoredTransition(String f, String t, TransitionKind k, String o, long at) {

		static StoredTransition of(TransitionRecord record) {
			return new StoredTransition(record.from(), record.to(), record.kind(), record.outcome(),
					record.at().toEpochMilli());
		}

		TransitionRecord toRecord() {
			return new TransitionRecord(this.f, this.t, this.k, this.o, Instant.ofEpochMilli(this.at));
		}

	}

}
