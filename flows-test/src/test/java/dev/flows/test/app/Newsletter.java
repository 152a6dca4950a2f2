package dev.flows.test.app;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.web.bind.annotation.RequestParam;

/** How often to get the newsletter (radio buttons); Skip for never. */
@FlowAction(name = "newsletter", title = "Newsletter", view = "join/newsletter", owns = "frequency", skippable = true)
public class Newsletter {

	@OnGet
	void show() {
	}

	@OnPost
	Outcome choose(@RequestParam(name = "frequency", defaultValue = "monthly") String frequency, TaskState state) {
		state.put("frequency", frequency);
		return Outcome.complete();
	}

}
