package dev.flows.sample.purchase.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.DemoMailbox;
import dev.flows.state.TaskState;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Mails a six-digit code to the address, if an account uses it. Either way the customer
 * goes on to the code page, so the page does not tell strangers which addresses have
 * accounts.
 * <p>
 * The step keeps its form ({@code form = "form"}): back here, the address is filled in
 * again.
 */
@FlowAction(name = "email", title = "Forgot your password?", view = "purchase/account/enter-email",
		submitLabel = "Send me a code", owns = "reset", form = "form")
public class EnterEmail {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final DemoMailbox mailbox;

	private final PasswordEncoder passwordEncoder;

	EnterEmail(Accounts accounts, DemoMailbox mailbox, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.mailbox = mailbox;
		this.passwordEncoder = passwordEncoder;
	}

	@OnGet
	void show(@ModelAttribute("form") EmailForm form) {
	}

	@OnPost
	Outcome sendCode(@Valid @ModelAttribute("form") EmailForm form, BindingResult errors, TaskState state) {
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		String email = Accounts.normalize(form.getEmail());
		String codeHash = null;
		if (this.accounts.exists(email)) {
			String code = String.format("%06d", RANDOM.nextInt(1_000_000));
			codeHash = this.passwordEncoder.encode(code);
			this.mailbox.send(email, "Your password reset code",
					"Your code is " + code + ". It works for " + CODE_LIFETIME.toMinutes() + " minutes.");
		}
		state.put("reset", new ResetRequest(email, codeHash, Instant.now().plus(CODE_LIFETIME)));
		return Outcome.complete();
	}

}
