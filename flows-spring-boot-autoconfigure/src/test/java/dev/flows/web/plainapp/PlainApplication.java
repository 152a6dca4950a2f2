package dev.flows.web.plainapp;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An application without Spring Security (whose filters would hide URL rewriting): a
 * two-step wizard with the default session binder.
 */
@SpringBootApplication(exclude = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
public class PlainApplication {

	@Flow(path = "/wizard", children = { Plan.class, Confirm.class }, cancelUrl = "/", onComplete = "plain/step")
	public static class Wizard {

	}

	@FlowAction(title = "Plan", view = "plain/step", owns = "plan")
	public static class Plan {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome choose(@RequestParam("plan") String plan, TaskState state) {
			state.put("plan", plan);
			return Outcome.complete();
		}

	}

	@FlowAction(title = "Confirm", view = "plain/step")
	public static class Confirm {

		@OnGet
		void show() {
		}

	}

}
