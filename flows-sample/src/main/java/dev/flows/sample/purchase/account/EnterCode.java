package dev.flows.sample.purchase.account;

import java.time.Instant;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowState;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.definition.RequiresState;
import dev.flows.sample.account.DemoMailbox;
import dev.flows.state.TaskState;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Checks the mailed code. {@code @RequiresState("reset")}: without a reset under way (a
 * stale bookmark, say) the customer is sent to {@link EnterEmail} instead.
 * <p>
 * Unlike the other steps with a form, this one does not keep it
 * ({@code @FlowAction(form)}): the code is a secret, as good as a password until it
 * expires, and has no place in the task state (which keeps only its hash, in
 * {@link ResetRequest}). Back here, the field is empty.
 */
@FlowAction(name = "code", title = "Enter the code we sent you", view = "purchase/account/enter-code",
		submitLabel = "Check the code", owns = "resetVerified")
@RequiresState(value = "reset", otherwise = EnterEmail.class)
public class EnterCode {

	private final DemoMailbox mailbox;

	private final PasswordEncoder passwordEncoder;

	EnterCode(DemoMailbox mailbox, PasswordEncoder passwordEncoder) {
		this.mailbox = mailbox;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * The address, and the demo mailbox's latest message to it (there is no mail server).
	 */
	@ModelAttribute
	void mailbox(@FlowState("reset") ResetRequest reset, Model model) {
		model.addAttribute("email", reset.email());
		model.addAttribute("demoMail", this.mailbox.latestTo(reset.email()).orElse(null));
	}

	@OnGet
	void show(Model model) {
		model.addAttribute("form", new CodeForm());
	}

	@OnPost
	Outcome check(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors,
			@FlowState("reset") ResetRequest reset, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		boolean valid = reset.codeHash() != null && Instant.now().isBefore(reset.expiresAt())
				&& this.passwordEncoder.matches(form.getCode().strip(), reset.codeHash());
		if (!valid) {
			errors.rejectValue("code", "wrong", "That code is not right, or it has expired");
			return Outcome.redisplay();
		}
		state.put("resetVerified", true);
		return Outcome.complete();
	}

}
