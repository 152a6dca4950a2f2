package dev.flows.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live purchases of the shop at each step, as {@code GET /actuator/flows} lists them
 * after a scripted mix of purchases ({@link PurchaseMix}): one subclass per task store. A
 * context may be shared with other tests, so each count is the difference the mix made;
 * the stores on shared servers start empty for this test (a schema, a key prefix of its
 * own), so that no task left by an earlier run expires in between.
 */
abstract class LiveTasksEndpointTestSupport extends VisitorTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Autowired
	DataSource dataSource;

	@Test
	void theEndpointListsTheLivePurchasesAtEachStep() throws SQLException {
		JsonNode before = flows();
		assertThat(storeOf(before)).isEqualTo(expectedStore());

		new PurchaseMix(this, this.paymentMethods).walk();

		JsonNode live = flows().path("liveTasks");
		JsonNode liveBefore = before.path("liveTasks");
		assertThat(live.path("available").asBoolean()).as(live.toString()).isTrue();
		assertThat(live.path("total").asLong() - liveBefore.path("total").asLong()).isEqualTo(5);
		JsonNode purchase = live.path("flows").path("purchase");
		assertThat(purchase.path("total").asLong() - liveBefore.path("flows").path("purchase").path("total").asLong())
			.isEqualTo(5);
		assertThat(difference(steps(purchase), steps(liveBefore.path("flows").path("purchase"))))
			.isEqualTo(Map.of("payment/saved", 2L, "confirm", 1L, "account/login", 2L));
	}

	/**
	 * Where this context keeps the purchases' tasks: the store type the endpoint names,
	 * and for JPA the database, as in {@code jpa on H2}.
	 */
	abstract String expectedStore();

	/** The endpoint's answer, read as a monitoring tool reads it. */
	private JsonNode flows() {
		Page answer = newVisitor().request("GET", "/actuator/flows", "application/json");
		assertThat(answer.status()).as(answer.html()).isEqualTo(200);
		return JSON.readTree(answer.html());
	}

	private String storeOf(JsonNode flows) throws SQLException {
		String type = flows.path("store").path("type").asString();
		if (!type.equals("jpa")) {
			return type;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			return type + " on " + connection.getMetaData().getDatabaseProductName();
		}
	}

	private static Map<String, Long> steps(JsonNode flow) {
		Map<String, Long> steps = new HashMap<>();
		flow.path("steps").properties().forEach((step) -> steps.put(step.getKey(), step.getValue().asLong()));
		return steps;
	}

	/** The steps whose count changed, by how much. */
	private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
		Set<String> steps = new HashSet<>(after.keySet());
		steps.addAll(before.keySet());
		Map<String, Long> changed = new HashMap<>();
		for (String step : steps) {
			long change = after.getOrDefault(step, 0L) - before.getOrDefault(step, 0L);
			if (change != 0) {
				changed.put(step, change);
			}
		}
		return changed;
	}

}
