package dev.flows.bench.flows;

import jakarta.validation.Valid;

import dev.flows.bench.forms.ConfirmForm;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

@FlowAction(name = "confirm", title = "Confirm", view = "steps/confirm", owns = "confirmForm")
public class Confirm {

	@OnGet
	void show(@FlowState("confirmForm") ConfirmForm earlier, Model model) {
		model.addAttribute("confirmForm", (earlier != null) ? earlier : new ConfirmForm());
	}

	@OnPost
	Outcome submit(@Valid @ModelAttribute("confirmForm") ConfirmForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("confirmForm", form);
		return Outcome.complete();
	}

}
