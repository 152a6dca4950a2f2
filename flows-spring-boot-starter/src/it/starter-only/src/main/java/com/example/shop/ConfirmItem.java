package com.example.shop;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

@FlowAction(title = "Do you want to buy this?", view = "purchase/confirm-item", owns = "item")
public class ConfirmItem {

	@OnGet
	void show(@ModelAttribute("form") ItemForm form) {
	}

	@OnPost
	Outcome confirm(@Valid @ModelAttribute("form") ItemForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("item", form.itemId());
		return Outcome.complete();
	}

}
