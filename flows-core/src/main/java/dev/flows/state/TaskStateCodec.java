package dev.flows.state;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns {@link TaskState} into JSON text and back, and enforces the size limit. The one
 * place that knows how state is written, shared by every store.
 */
public final class TaskStateCodec {

	/** The default size limit of a task's state as JSON: 64 KB. */
	public static final int DEFAULT_MAX_SIZE = 64 * 1024;

	private final JsonMapper mapper;

	private final int maxSizeBytes;

	/**
	 * @param mapper the mapper for state values; it must not enable default typing
	 * @param maxSizeBytes the largest state, in bytes of UTF-8 JSON, that may be written
	 */
	public TaskStateCodec(JsonMapper mapper, int maxSizeBytes) {
		if (maxSizeBytes <= 0) {
			throw new IllegalArgumentException("maxSizeBytes must be positive, was " + maxSizeBytes);
		}
		this.mapper = mapper;
		this.maxSizeBytes = maxSizeBytes;
	}

	/**
	 * A codec with a mapper that ignores unknown properties, so older state still reads.
	 */
	public static TaskStateCodec withDefaults() {
		return new TaskStateCodec(defaultMapper(), DEFAULT_MAX_SIZE);
	}

	/** The mapper Flows uses when the application gives none. */
	public static JsonMapper defaultMapper() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** The mapper state values are converted with. */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/** The size limit in bytes. */
	public int maxSizeBytes() {
		return this.maxSizeBytes;
	}

	/** A new, empty state. */
	public TaskState newState() {
		return new TaskState(this.mapper, this.mapper.createObjectNode());
	}

	/**
	 * Write the state as JSON text.
	 * @throws StateTooLargeException if the JSON is larger than the limit
	 */
	public String write(TaskState state) {
		String json = this.mapper.writeValueAsString(state.tree());
		int size = json.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.maxSizeBytes) {
			throw new StateTooLargeException(size, this.maxSizeBytes);
		}
		return json;
	}

	/**
	 * Read state written by {@link #write}.
	 * @throws TaskStateException if the text is not a JSON object
	 */
	public TaskState read(String json) {
		if (json == null || json.isBlank()) {
			return newState();
		}
		JsonNode tree;
		try {
			// Decimals are read exactly: as doubles, a BigDecimal such as a price would
			// lose digits and scale.
			tree = this.mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
		}
		catch (JacksonException ex) {
			throw new TaskStateException("Stored task state is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(tree instanceof ObjectNode object)) {
			throw new TaskStateException("Stored task state is not a JSON object but " + tree.getNodeType());
		}
		return new TaskState(this.mapper, object);
	}

	/**
	 * A deep copy, so that a failed request can be thrown away without touching the
	 * original.
	 */
	public TaskState copy(TaskState state) {
		return new TaskState(this.mapper, state.tree().deepCopy());
	}

}
