package dev.flows.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.ParameterizedTypeReference;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key/value state of one task. Values are kept as a JSON tree and read back into
 * whatever type the caller asks for, so records, POJOs, collections and scalars all work
 * and nothing is ever Java-serialized or stored with type information.
 * <p>
 * Not thread-safe: a task's state belongs to the one request that is working on it.
 */
public final class TaskState {

	private final JsonMapper mapper;

	private final ObjectNode values;

	TaskState(JsonMapper mapper, ObjectNode values) {
		this.mapper = mapper;
		this.values = values;
	}

	/**
	 * Return the value stored under {@code key} converted to {@code type}, or
	 * {@code null} if the key is absent.
	 * @throws TaskStateException if the stored JSON does not fit {@code type}
	 */
	public <T> T get(String key, Class<T> type) {
		return convert(key, this.mapper.constructType(type));
	}

	/**
	 * Return the value stored under {@code key} converted to {@code type}, or
	 * {@code defaultValue} if the key is absent.
	 */
	public <T> T get(String key, Class<T> type, T defaultValue) {
		T value = get(key, type);
		return (value != null) ? value : defaultValue;
	}

	/**
	 * Return the value stored under {@code key} converted to a generic type such as
	 * {@code new ParameterizedTypeReference<List<Item>>() {}}, or {@code null} if absent.
	 */
	public <T> T get(String key, ParameterizedTypeReference<T> type) {
		return convert(key, this.mapper.constructType(type.getType()));
	}

	/**
	 * Store {@code value} under {@code key}, replacing what was there. A {@code null}
	 * value removes the key.
	 * @throws TaskStateException if the value cannot be written as JSON
	 */
	public TaskState put(String key, Object value) {
		requireKey(key);
		if (value == null) {
			this.values.remove(key);
			return this;
		}
		try {
			this.values.set(key, this.mapper.valueToTree(value));
		}
		catch (JacksonException ex) {
			throw new TaskStateException("Cannot store '" + key + "' of type " + value.getClass().getName()
					+ " as JSON; give it public accessors or make it a record", ex);
		}
		return this;
	}

	/** Remove {@code key}; nothing happens if it is absent. */
	public TaskState remove(String key) {
		this.values.remove(key);
		return this;
	}

	/** Whether a value is stored under {@code key}. */
	public boolean contains(String key) {
		return this.values.has(key);
	}

	/** Remove every key. */
	public TaskState clear() {
		this.values.removeAll();
		return this;
	}

	/** Whether no key is stored. */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/** The stored keys, sorted. */
	public Set<String> keys() {
		return Collections.unmodifiableSet(new TreeSet<>(this.values.propertyNames()));
	}

	/**
	 * A read-only snapshot of the state as plain JSON values: maps, lists, strings,
	 * numbers, booleans and nulls. Handy for templates and logs.
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = this.mapper.convertValue(this.values, LinkedHashMap.class);
		return Collections.unmodifiableMap(map);
	}

	ObjectNode tree() {
		return this.values;
	}

	private <T> T convert(String key, JavaType type) {
		requireKey(key);
		JsonNode node = this.values.get(key);
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new UnreadableStateException(key,
					"Task state '" + key + "' cannot be read as " + type.toCanonical() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static void requireKey(String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("A task state key must not be blank");
		}
	}

	@Override
	public String toString() {
		return "TaskState" + keys();
	}

}
