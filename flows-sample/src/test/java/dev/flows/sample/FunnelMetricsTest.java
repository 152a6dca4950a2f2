package dev.flows.sample;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import dev.flows.autoconfigure.FlowsEndpoint;
import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase funnel as the metrics show it, after a scripted mix of purchases walked
 * over real HTTP: completed ones, ones abandoned at the payment step or at the login
 * step, and one cancelled at the last step. The shop's context is shared with other
 * tests, so every count is the difference this test made.
 */
class FunnelMetricsTest extends VisitorTestSupport {

	private static final String ITEM = "item";

	private static final String LOGIN = "account/login";

	private static final String SAVED = "payment/saved";

	private static final String CONFIRM = "confirm";

	@Autowired
	MeterRegistry meters;

	@Autowired
	FlowsEndpoint endpoint;

	@Autowired
	PaymentMethodRepository paymentMethods;

	@Test
	void theFunnelCountsWhoReachedEachStepAndWhereTheyLeft() {
		Counts before = counts();

		for (int i = 0; i < 3; i++) {
			Shown confirm = atConfirm(customerWithASavedCard("buyer"));
			expect(confirm.visitor().submit(confirm.page(), Map.of()), "Thank you for your order");
		}
		for (int i = 0; i < 2; i++) {
			expect(startPurchase(customerWithASavedCard("hesitant").visitor()), "Pay with a saved method");
		}
		Shown confirm = atConfirm(customerWithASavedCard("canceller"));
		Page cancelled = confirm.visitor().submit(confirm.page(), "/buy/_cancel", Map.of());
		assertThat(cancelled.path()).startsWith("/cancelled");
		for (int i = 0; i < 2; i++) {
			Page login = startPurchase(newVisitor());
			assertThat(login.path()).startsWith("/buy/account/login");
		}

		Counts after = counts();
		assertThat(after.minus(before)).isEqualTo(new Counts(8, 3, 1, 8, 6, 4, 2, 8, 4, 3, 2, 2, 0));
		// The same count through Actuator's metrics endpoint, as a dashboard reads it.
		String funnel = newVisitor()
			.request("GET",
					"/actuator/metrics/flows.step.entry?tag=flow:purchase&tag=step:"
							+ URLEncoder.encode(SAVED, StandardCharsets.UTF_8),
					"application/json")
			.html();
		assertThat(funnel).contains("{\"statistic\":\"COUNT\",\"value\":" + (double) after.enteredSaved() + "}");
	}

	/** A signed-in customer with a saved card, at "Confirm and pay". */
	private Shown atConfirm(Customer customer) {
		Page saved = expect(startPurchase(customer.visitor()), "Pay with a saved method");
		return new Shown(customer.visitor(),
				expect(customer.visitor().submit(saved, Map.of("methodId", customer.card().getId().toString())),
						"Confirm and pay"));
	}

	private Customer customerWithASavedCard(String name) {
		String email = existingCustomer(name);
		PaymentMethod card = this.paymentMethods.save(new PaymentMethod(this.accounts.find(email).orElseThrow(),
				PaymentMethod.Type.CARD, "Visa ending in 4242, expires 12/34", "tok_" + email, Instant.now()));
		return new Customer(newVisitor().signIn(email, PASSWORD), card);
	}

	private Counts counts() {
		FlowsEndpoint.LiveTasksReport live = this.endpoint.flows().liveTasks();
		assertThat(live.available()).isTrue();
		Map<String, Long> steps = live.flows().containsKey("purchase") ? live.flows().get("purchase").steps()
				: Map.of();
		return new Counts(count("flows.task", "event", "started"), count("flows.task", "event", "completed"),
				count("flows.task", "event", "cancelled"), count("flows.step.entry", "step", ITEM),
				count("flows.step.entry", "step", SAVED), count("flows.step.entry", "step", CONFIRM),
				count("flows.step.entry", "step", LOGIN), count("flows.step", "step", ITEM),
				count("flows.step", "step", SAVED), count("flows.step", "step", CONFIRM), steps.getOrDefault(SAVED, 0L),
				steps.getOrDefault(LOGIN, 0L), steps.getOrDefault(CONFIRM, 0L));
	}

	private long count(String name, String key, String value) {
		return this.meters.find(name)
			.tags("flow", "purchase", key, value)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	record Customer(Visitor visitor, PaymentMethod card) {
	}

	/** A page and who is looking at it. */
	record Shown(Visitor visitor, Page page) {
	}

	/**
	 * What the metrics and the endpoint count: tasks started, completed and cancelled;
	 * entries at the item, saved-method, confirm and login steps; submits of the item,
	 * saved-method and confirm steps; live tasks at the saved-method, login and confirm
	 * steps.
	 */
	record Counts(long started, long completed, long cancelled, long enteredItem, long enteredSaved,
			long enteredConfirm, long enteredLogin, long submittedItem, long submittedSaved, long submittedConfirm,
			long liveSaved, long liveLogin, long liveConfirm) {

		Counts minus(Counts other) {
			return new Counts(this.started - other.started, this.completed - other.completed,
					this.cancelled - other.cancelled, this.enteredItem - other.enteredItem,
					this.enteredSaved - other.enteredSaved, this.enteredConfirm - other.enteredConfirm,
					this.enteredLogin - other.enteredLogin, this.submittedItem - other.submittedItem,
					this.submittedSaved - other.submittedSaved, this.submittedConfirm - other.submittedConfirm,
					this.liveSaved - other.liveSaved, this.liveLogin - other.liveLogin,
					this.liveConfirm - other.liveConfirm);
		}

	}

}
