package com.example.shop;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

@FlowAction(title = "Where should we send it?", view = "purchase/address", owns = "address", form = "form")
public class EnterAddress {

	@OnGet
	void show(@ModelAttribute("form") AddressForm form) {
	}

	@OnPost
	Outcome next(@Valid @ModelAttribute("form") AddressForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("address", form.street() + ", " + form.city());
		return Outcome.complete();
	}

}
