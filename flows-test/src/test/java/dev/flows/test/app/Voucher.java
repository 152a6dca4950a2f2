package dev.flows.test.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/** A voucher code instead of a plan; {@code OLDY} has expired (an error of no field). */
@FlowAction(name = "voucher", title = "Your voucher", view = "join/voucher", owns = "voucher")
public class Voucher {

	@OnGet
	void show(@ModelAttribute("form") Form form) {
	}

	@OnPost
	Outcome redeem(@Valid @ModelAttribute("form") Form form, BindingResult errors, TaskState state) {
		if (!errors.hasErrors() && form.getCode().equals("OLDY")) {
			errors.reject("expired", "This voucher has expired");
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("voucher", form.getCode());
		return Outcome.complete();
	}

	/** The step's form. */
	public static class Form {

		@Pattern(regexp = "[A-Z]{4}", message = "Enter the four letters of your voucher")
		private String code = "";

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

}
