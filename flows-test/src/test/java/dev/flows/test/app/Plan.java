package dev.flows.test.app;

import java.util.ArrayList;
import java.util.List;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A plan (a select) and topics (checkboxes); a second form on the page, "I have a
 * voucher", posts {@code instead=voucher} and goes to {@link Voucher}.
 */
@FlowAction(name = "plan", title = "Choose a plan", view = "join/plan", owns = { "plan", "topics" },
		targets = Voucher.class)
public class Plan {

	@OnGet
	void show(@ModelAttribute("form") Form form) {
	}

	@OnPost
	Outcome choose(@RequestParam(name = "instead", required = false) String instead, @ModelAttribute("form") Form form,
			TaskState state) {
		if ("voucher".equals(instead)) {
			return Outcome.goTo(Voucher.class);
		}
		state.put("plan", form.getPlan());
		state.put("topics", form.getTopics());
		return Outcome.complete();
	}

	/** The step's form. */
	public static class Form {

		private String plan = "free";

		private List<String> topics = new ArrayList<>();

		public String getPlan() {
			return this.plan;
		}

		public void setPlan(String plan) {
			this.plan = plan;
		}

		public List<String> getTopics() {
			return this.topics;
		}

		public void setTopics(List<String> topics) {
			this.topics = topics;
		}

	}

}
