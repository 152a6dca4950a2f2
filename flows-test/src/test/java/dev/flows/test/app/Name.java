package dev.flows.test.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Name and email address; the form is kept, so Back shows them again. */
@FlowAction(name = "name", title = "Who are you?", view = "join/name", owns = "name", form = "form")
public class Name {

	@OnGet
	void show(@ModelAttribute("form") Form form) {
	}

	@OnPost
	Outcome next(@Valid @ModelAttribute("form") Form form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("name", form.getName());
		return Outcome.complete();
	}

	/** The step's form. */
	public static class Form {

		@NotBlank(message = "Enter your name")
		private String name;

		@NotBlank(message = "Enter your email address")
		@Email(message = "Enter an email address like name@example.com")
		private String email;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

	}

}
