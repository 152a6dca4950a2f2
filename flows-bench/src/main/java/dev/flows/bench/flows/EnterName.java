package dev.flows.bench.flows;

import jakarta.validation.Valid;

import dev.flows.bench.forms.NameForm;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

@FlowAction(name = "name", title = "Your name", view = "steps/name", owns = "nameForm")
public class EnterName {

	@OnGet
	void show(@FlowState("nameForm") NameForm earlier, Model model) {
		model.addAttribute("nameForm", (earlier != null) ? earlier : new NameForm());
	}

	@OnPost
	Outcome submit(@Valid @ModelAttribute("nameForm") NameForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("nameForm", form);
		return Outcome.complete();
	}

}
