package dev.flows.test.app;

import java.security.Principal;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresLogin;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;

/** A note (a textarea) and the last click; only for a signed-in user. */
@RequiresLogin
@FlowAction(name = "confirm", title = "Confirm", view = "join/confirm", submitLabel = "Join now", owns = "note")
public class Confirm {

	@OnGet
	void show(Principal principal, Model model) {
		model.addAttribute("user", principal.getName());
	}

	@OnPost
	Outcome join(@RequestParam(name = "note", defaultValue = "") String note, Principal principal, TaskState state) {
		state.put("note", note);
		state.put("member", principal.getName());
		return Outcome.complete();
	}

}
