package dev.flows.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskStateTest {

	private final TaskStateCodec codec = TaskStateCodec.withDefaults();

	private final TaskState state = this.codec.newState();

	record Item(long id, String name, BigDecimal price) {
	}

	record Address(String street, String city) {
	}

	record Order(Item item, int quantity, Address shipTo, List<String> notes) {
	}

	public static class Customer {

		private String name;

		private int age;

		public Customer() {
		}

		Customer(String name, int age) {
			this.name = name;
			this.age = age;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getAge() {
			return this.age;
		}

		public void setAge(int age) {
			this.age = age;
		}

	}

	@Test
	void aRecordReadsBackEqual() {
		Item item = new Item(42, "Teapot", new BigDecimal("19.90"));

		this.state.put("item", item);

		assertThat(this.state.get("item", Item.class)).isEqualTo(item);
	}

	@Test
	void nestedRecordsReadBackEqual() {
		Order order = new Order(new Item(42, "Teapot", new BigDecimal("19.90")), 2,
				new Address("1 Main St", "Springfield"), List.of("gift wrap", "no invoice"));

		this.state.put("order", order);

		assertThat(this.state.get("order", Order.class)).isEqualTo(order);
	}

	@Test
	void aPojoReadsBackWithItsProperties() {
		this.state.put("customer", new Customer("Alice", 37));

		Customer customer = this.state.get("customer", Customer.class);

		assertThat(customer).isNotNull();
		assertThat(customer.getName()).isEqualTo("Alice");
		assertThat(customer.getAge()).isEqualTo(37);
	}

	@Test
	void aListOfRecordsReadsBackThroughAParameterizedTypeReference() {
		List<Item> cart = List.of(new Item(1, "Cup", BigDecimal.ONE), new Item(2, "Saucer", BigDecimal.TEN));

		this.state.put("cart", cart);

		List<Item> read = this.state.get("cart", new ParameterizedTypeReference<List<Item>>() {
		});
		assertThat(read).isEqualTo(cart);
		assertThat(read.get(0)).isInstanceOf(Item.class);
	}

	@Test
	void aMapOfRecordsReadsBackThroughAParameterizedTypeReference() {
		this.state.put("byCode", Map.of("A", new Address("1 Main St", "Springfield")));

		Map<String, Address> read = this.state.get("byCode", new ParameterizedTypeReference<Map<String, Address>>() {
		});

		assertThat(read).containsEntry("A", new Address("1 Main St", "Springfield"));
	}

	@Test
	void scalarsReadBackAsTheirTypes() {
		this.state.put("name", "Alice")
			.put("count", 3)
			.put("big", 9_007_199_254_740_993L)
			.put("flag", true)
			.put("price", new BigDecimal("0.10"))
			.put("when", LocalDate.of(2030, 5, 1));

		assertThat(this.state.get("name", String.class)).isEqualTo("Alice");
		assertThat(this.state.get("count", Integer.class)).isEqualTo(3);
		assertThat(this.state.get("count", Long.class)).isEqualTo(3L);
		assertThat(this.state.get("big", Long.class)).isEqualTo(9_007_199_254_740_993L);
		assertThat(this.state.get("flag", Boolean.class)).isTrue();
		assertThat(this.state.get("price", BigDecimal.class)).isEqualByComparingTo("0.10");
		assertThat(this.state.get("when", LocalDate.class)).isEqualTo(LocalDate.of(2030, 5, 1));
	}

	@Test
	void aMissingKeyReadsAsNull() {
		assertThat(this.state.get("nothing", String.class)).isNull();
		assertThat(this.state.get("nothing", Item.class)).isNull();
		assertThat(this.state.get("nothing", new ParameterizedTypeReference<List<Item>>() {
		})).isNull();
		assertThat(this.state.contains("nothing")).isFalse();
	}

	@Test
	void aMissingKeyReadsAsTheDefaultWhenOneIsGiven() {
		this.state.put("count", 3);

		assertThat(this.state.get("nothing", Integer.class, 7)).isEqualTo(7);
		assertThat(this.state.get("count", Integer.class, 7)).isEqualTo(3);
		assertThat(this.state.get("nothing", String.class, "card")).isEqualTo("card");
	}

	@Test
	void puttingNullRemovesTheKey() {
		this.state.put("item", new Item(1, "Cup", BigDecimal.ONE));

		this.state.put("item", null);

		assertThat(this.state.contains("item")).isFalse();
		assertThat(this.state.get("item", Item.class)).isNull();
		assertThat(this.state.isEmpty()).isTrue();
	}

	@Test
	void putReplacesTheValue() {
		this.state.put("count", 1).put("count", "two");

		assertThat(this.state.get("count", String.class)).isEqualTo("two");
		assertThat(this.state.keys()).containsExactly("count");
	}

	@Test
	void aValueOfTheWrongTypeFailsNamingTheKey() {
		this.state.put("quantity", "a dozen");

		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.state.get("quantity", Integer.class))
			.withMessageContaining("'quantity'")
			.withMessageContaining("Integer");
	}

	@Test
	void aRecordReadAsAListFailsNamingTheKey() {
		this.state.put("item", new Item(1, "Cup", BigDecimal.ONE));

		assertThatExceptionOfType(TaskStateException.class)
			.isThrownBy(() -> this.state.get("item", new ParameterizedTypeReference<List<Item>>() {
			}))
			.withMessageContaining("'item'");
	}

	@Test
	void aValueThatCannotBeWrittenAsJsonFailsNamingTheKey() {
		assertThatExceptionOfType(TaskStateException.class).isThrownBy(() -> this.state.put("lock", new Unwritable()))
			.withMessageContaining("'lock'")
			.withMessageContaining(Unwritable.class.getName());
		assertThat(this.state.contains("lock")).isFalse();
	}

	public static class Unwritable {

		public String getSecret() {
			throw new IllegalStateException("not readable");
		}

	}

	@Test
	void blankKeysAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.state.put(" ", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.state.put(null, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.state.get("", String.class));
	}

	@Test
	void aStoredValueIsACopyThatLaterChangesToTheObjectDoNotReach() {
		Customer customer = new Customer("Alice", 37);
		List<String> notes = new ArrayList<>(List.of("first"));
		this.state.put("customer", customer).put("notes", notes);

		customer.setName("Mallory");
		notes.add("second");

		assertThat(this.state.get("customer", Customer.class).getName()).isEqualTo("Alice");
		assertThat(this.state.get("notes", new ParameterizedTypeReference<List<String>>() {
		})).containsExactly("first");
	}

	@Test
	void removeContainsClearAndKeysWorkOnTheStoredKeys() {
		this.state.put("b", 2).put("a", 1).put("c", 3);

		assertThat(this.state.keys()).containsExactly("a", "b", "c");
		assertThat(this.state.remove("b").contains("b")).isFalse();
		assertThat(this.state.remove("absent").keys()).containsExactly("a", "c");
		assertThat(this.state.isEmpty()).isFalse();
		assertThat(this.state.clear().isEmpty()).isTrue();
		assertThat(this.state.keys()).isEmpty();
	}

	@Test
	void asMapIsAReadOnlySnapshotOfPlainJsonValues() {
		this.state.put("item", new Item(42, "Teapot", new BigDecimal("19.90"))).put("count", 2);

		Map<String, Object> map = this.state.asMap();

		assertThat(map).containsOnlyKeys("item", "count").containsEntry("count", 2);
		assertThat(map.get("item")).isInstanceOf(Map.class);
		assertThat(map.get("item")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("name", "Teapot");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.put("x", 1));
		this.state.put("count", 3);
		assertThat(map).containsEntry("count", 2);
	}

	@Test
	void toStringShowsKeysButNoValues() {
		this.state.put("password", "hunter2");

		assertThat(this.state).hasToString("TaskState[password]");
	}

}
