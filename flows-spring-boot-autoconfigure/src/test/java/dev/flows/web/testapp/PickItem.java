package dev.flows.web.testapp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import static org.awaitility.Awaitility.await;

@FlowAction(title = "Pick an item", view = "order/pick", owns = { "item", "note" })
public class PickItem {

	public final AtomicInteger processed = new AtomicInteger();

	/** Copies of one submit a test has sent at once (see {@link #copies}). */
	public final AtomicInteger sent = new AtomicInteger();

	/**
	 * How many copies of a submit the test sends at once: a submit noted "slow" holds
	 * until every copy was sent, so that the duplicates arrive while it runs.
	 */
	public volatile int copies;

	@OnGet
	void show(@RequestParam(name = "item", required = false) String item, @ModelAttribute("form") PickForm form,
			Model model) {
		if (item != null) {
			form.setItem(item);
		}
		model.addAttribute("requestedItem", item);
	}

	@OnPost
	Outcome pick(@Valid @ModelAttribute("form") PickForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		this.processed.incrementAndGet();
		if ("slow".equals(form.getNote())) {
			// As slow as a payment gateway: duplicates of this submit arrive while it
			// runs.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.sent.get() >= this.copies);
		}
		state.put("item", new Item(form.getItem(), form.getNote()));
		return Outcome.complete();
	}

	public record Item(String id, String note) {
	}

	public static class PickForm {

		@NotBlank
		private String item;

		private String note;

		public String getItem() {
			return this.item;
		}

		public void setItem(String item) {
			this.item = item;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}
