package dev.flows.web.swfapp;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Flows flow of the application, at {@code /newsletter}: choose a topic, then confirm
 * it.
 */
@Flow(path = "/newsletter", children = { Newsletter.ChooseTopic.class, Newsletter.ConfirmTopic.class }, cancelUrl = "/",
		onComplete = "newsletter/done")
public class Newsletter {

	@FlowAction(title = "Choose a topic", view = "newsletter/choose", owns = "topic")
	public static class ChooseTopic {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome choose(@RequestParam("topic") String topic, TaskState state) {
			state.put("topic", topic);
			return Outcome.complete();
		}

	}

	@FlowAction(title = "Confirm your topic", view = "newsletter/confirm", submitLabel = "Subscribe")
	public static class ConfirmTopic {

		@OnGet
		void show(@FlowState("topic") String topic, Model model) {
			model.addAttribute("topic", topic);
		}

	}

}
