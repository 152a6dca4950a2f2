package dev.flows.sample;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import dev.flows.autoconfigure.FlowsEndpoint;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase funnel as the metrics show it, after a scripted mix of purchases walked
 * over real HTTP ({@link PurchaseMix}): completed ones, ones abandoned at the payment
 * step, at the last step or at the login step, and one cancelled at the last step. The
 * shop's context is shared with other tests, so every count is the difference this test
 * made.
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

		new PurchaseMix(this, this.paymentMethods).walk();

		Counts after = counts();
		assertThat(after.minus(before)).isEqualTo(new Counts(9, 3, 1, 9, 7, 5, 2, 9, 5, 3, 2, 2, 1));
		// The same count through Actuator's metrics endpoint, as a dashboard reads it.
		String funnel = newVisitor()
			.request("GET",
					"/actuator/metrics/flows.step.entry?tag=flow:purchase&tag=step:"
							+ URLEncoder.encode(SAVED, StandardCharsets.UTF_8),
					"application/json")
			.html();
		assertThat(funnel).contains("{\"statistic\":\"COUNT\",\"value\":" + (double) after.enteredSaved() + "}");
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
