package dev.flows.bench.flows;

import jakarta.validation.Valid;

import dev.flows.bench.forms.AddressForm;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

@FlowAction(name = "address", title = "Your address", view = "steps/address", owns = "addressForm")
public class EnterAddress {

	@OnGet
	void show(@FlowState("addressForm") AddressForm earlier, Model model) {
		model.addAttribute("addressForm", (earlier != null) ? earlier : new AddressForm());
	}

	@OnPost
	Outcome submit(@Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("addressForm", form);
		return Outcome.complete();
	}

}
