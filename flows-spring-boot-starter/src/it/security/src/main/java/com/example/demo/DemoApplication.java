package com.example.demo;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.RequestParam;

@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

	/** Every page is public; CSRF protection stays on, as by default. */
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
	}

	@Flow(path = "/signup", children = { ChoosePlan.class, Confirm.class }, onComplete = "signup/done")
	public static class Signup {

	}

	@FlowAction(title = "Choose a plan", view = "signup/step", owns = "plan")
	public static class ChoosePlan {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome choose(@RequestParam("plan") String plan, TaskState state) {
			state.put("plan", plan);
			return Outcome.complete();
		}

	}

	@FlowAction(title = "Confirm", view = "signup/step")
	public static class Confirm {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome confirm() {
			return Outcome.complete();
		}

	}

}
