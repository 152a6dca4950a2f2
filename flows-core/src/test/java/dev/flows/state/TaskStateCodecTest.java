package dev.flows.state;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskStateCodecTest {

	private final TaskStateCodec codec = TaskStateCodec.withDefaults();

	record Item(long id, String name, BigDecimal price) {
	}

	record Cart(List<Item> items, Object extra) {
	}

	record OldItem(long id, String name) {
	}

	@Test
	void stateSurvivesAJsonRoundTrip() {
		TaskState state = this.codec.newState();
		List<Item> items = List.of(new Item(1, "Cup", new BigDecimal("2.50")), new Item(2, "Saucer", BigDecimal.ONE));
		state.put("cart", new Cart(items, null)).put("count", 2).put("name", "Alice").put("flag", false);

		TaskState read = this.codec.read(this.codec.write(state));

		assertThat(read.keys()).containsExactly("cart", "count", "flag", "name");
		assertThat(read.get("cart", Cart.class)).isEqualTo(new Cart(items, null));
		assertThat(read.get("count", Integer.class)).isEqualTo(2);
		assertThat(read.get("flag", Boolean.class)).isFalse();
		assertThat(this.codec.write(read)).isEqualTo(this.codec.write(state));
	}

	@Test
	void decimalsKeepTheirPrecisionAndScaleThroughTheJson() {
		TaskState state = this.codec.newState();
		BigDecimal total = new BigDecimal("12345678901234567.89");
		state.put("total", total).put("price", new BigDecimal("2.50")).put("ratio", 0.1).put("huge", 1.0e300);

		TaskState read = this.codec.read(this.codec.write(state));

		assertThat(read.get("total", BigDecimal.class)).isEqualTo(total);
		assertThat(read.get("price", BigDecimal.class)).isEqualTo(new BigDecimal("2.50"));
		assertThat(read.get("ratio", Double.class)).isEqualTo(0.1);
		assertThat(read.get("huge", double.class)).isEqualTo(1.0e300);
	}

	@Test
	void theJsonIsPlainWithoutTypeInformation() {
		TaskState state = this.codec.newState();
		state.put("cart", new Cart(List.of(new Item(1, "Cup", BigDecimal.ONE)), new Item(2, "Saucer", BigDecimal.TEN)));

		String json = this.codec.write(state);

		assertThat(json).doesNotContain("@class", "@type", "dev.flows", "Item", "Cart", "java.");
		assertThat(json).isEqualTo("{\"cart\":{\"items\":[{\"id\":1,\"name\":\"Cup\",\"price\":1}],"
				+ "\"extra\":{\"id\":2,\"name\":\"Saucer\",\"price\":10}}}");
	}

	@Test
	void typeInformationInStoredJsonIsNotUsedToChooseAClass() {
		TaskState state = this.codec
			.read("{\"extra\":[\"java.util.concurrent.atomic.AtomicBoolean\",{\"value\":true}]}");

		Object extra = state.get("extra", Object.class);

		assertThat(extra).isInstanceOf(List.class);
	}

	@Test
	void propertiesAnOlderBuildDidNotKnowAreIgnoredOnReading() {
		TaskState state = this.codec.read("{\"item\":{\"id\":1,\"name\":\"Cup\",\"price\":3}}");

		assertThat(state.get("item", OldItem.class)).isEqualTo(new OldItem(1, "Cup"));
	}

	@Test
	void blankJsonReadsAsAnEmptyState() {
		assertThat(this.codec.read(null).isEmpty()).isTrue();
		assertThat(this.codec.read("  ").isEmpty()).isTrue();
		assertThat(this.codec.read("{}").isEmpty()).isTrue();
	}

	@Test
	void invalidJsonIsRejected() {
		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.codec.read("{\"item\":"))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void jsonThatIsNotAnObjectIsRejected() {
		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.codec.read("[1,2,3]"))
			.withMessageContaining("not a JSON object");
		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.codec.read("\"text\""));
		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.codec.read("null"));
	}

	@Test
	void stateUpToTheLimitIsWritten() {
		TaskStateCodec small = new TaskStateCodec(TaskStateCodec.defaultMapper(), 20);
		TaskState state = small.newState();
		state.put("k", "x".repeat(12)); // {"k":"xxxxxxxxxxxx"} is 20 bytes

		assertThat(small.write(state)).hasSize(20);
	}

	@Test
	void stateOverTheLimitIsRefusedWithItsSizeAndTheLimit() {
		TaskStateCodec small = new TaskStateCodec(TaskStateCodec.defaultMapper(), 20);
		TaskState state = small.newState();
		state.put("k", "x".repeat(13));

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> small.write(state)).satisfies((ex) -> {
			assertThat(ex.size()).isEqualTo(21);
			assertThat(ex.limit()).isEqualTo(20);
			assertThat(ex.getMessage()).contains("21").contains("20").contains("flows.task.max-state-size");
		});
	}

	@Test
	void theLimitCountsUtf8BytesNotCharacters() {
		TaskStateCodec small = new TaskStateCodec(TaskStateCodec.defaultMapper(), 20);
		TaskState state = small.newState();
		state.put("k", "é".repeat(7)); // {"k":"ééééééé"}: 15 characters, 22 bytes

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> small.write(state))
			.satisfies((ex) -> assertThat(ex.size()).isEqualTo(22));
	}

	@Test
	void theDefaultLimitIs64Kilobytes() {
		assertThat(this.codec.maxSizeBytes()).isEqualTo(64 * 1024);
		TaskState state = this.codec.newState();
		state.put("blob", "x".repeat(64 * 1024));

		assertThatExceptionOfType(StateTooLargeException.class).isThrownBy(() -> this.codec.write(state));
	}

	@Test
	void theLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskStateCodec(TaskStateCodec.defaultMapper(), 0))
			.withMessageContaining("maxSizeBytes");
	}

	@Test
	void aCopyIsIndependentOfTheOriginal() {
		TaskState original = this.codec.newState();
		original.put("cart", List.of(new Item(1, "Cup", BigDecimal.ONE)));

		TaskState copy = this.codec.copy(original);
		copy.put("cart", List.of()).put("more", 1);

		assertThat(original.keys()).containsExactly("cart");
		assertThat(original.get("cart", new ParameterizedTypeReference<List<Item>>() {
		})).hasSize(1);
	}

}
