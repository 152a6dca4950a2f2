package dev.flows.web.testapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Steps that each store one text value under their own key.
 */
public final class Steps {

	private Steps() {
	}

	static Outcome store(String key, ValueForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put(key, form.getValue());
		return Outcome.complete();
	}

	@FlowAction(title = "Sign in", view = "order/step", owns = "name", targets = Register.class)
	public static class SignIn {

		@OnGet
		void show(@ModelAttribute("form") ValueForm form) {
		}

		/**
		 * {@code register} goes to Register; {@code as:NAME} signs NAME in, as a login
		 * step would.
		 */
		@OnPost
		Outcome signIn(@Validated @ModelAttribute("form") ValueForm form, BindingResult errors, TaskState state,
				HttpServletRequest request, HttpServletResponse response) {
			if ("register".equals(form.getValue())) {
				return Outcome.goTo(Register.class);
			}
			if (form.getValue() != null && form.getValue().startsWith("as:")) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
						form.getValue().substring(3), null, AuthorityUtils.createAuthorityList("ROLE_USER")));
				SecurityContextHolder.setContext(context);
				new HttpSessionSecurityContextRepository().saveContext(context, request, response);
			}
			return store("name", form, errors, state);
		}

	}

	@FlowAction(title = "Register", view = "order/step", owns = "name")
	public static class Register {

		@OnGet
		void show(@ModelAttribute("form") ValueForm form) {
		}

		@OnPost
		Outcome register(@Validated @ModelAttribute("form") ValueForm form, BindingResult errors, TaskState state) {
			return store("name", form, errors, state.put("registered", true));
		}

	}

	@FlowAction(title = "Delivery speed", view = "order/step", owns = "speed", skippable = true)
	public static class Speed {

		@OnGet
		void show(@ModelAttribute("form") ValueForm form) {
		}

		@OnPost
		Outcome speed(@Validated @ModelAttribute("form") ValueForm form, BindingResult errors, TaskState state) {
			return store("speed", form, errors, state);
		}

	}

	/** Names its form fragment by the form's id, as a Thymeleaf markup selector. */
	@FlowAction(title = "Street", view = "order/step", owns = "street", form = "form", formFragment = "#step")
	public static class Street {

		@OnGet
		void show(@ModelAttribute("form") ValueForm form) {
		}

		@OnPost
		Outcome street(@Validated @ModelAttribute("form") ValueForm form, BindingResult errors, TaskState state) {
			return store("street", form, errors, state);
		}

	}

	@FlowAction(title = "City", view = "order/step", owns = "city")
	public static class City {

		@OnGet
		String show(@ModelAttribute("form") ValueForm form) {
			return "order/step";
		}

		@OnPost
		Outcome city(@Validated @ModelAttribute("form") ValueForm form, BindingResult errors, TaskState state) {
			return store("city", form, errors, state);
		}

	}

	public static class ValueForm {

		@NotBlank
		private String value;

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

	}

}
