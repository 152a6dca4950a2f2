package dev.flows.definition;

/**
 * The precondition behind {@link RequiresLogin}: the user must be authenticated.
 */
final class LoginRequiredPrecondition implements Precondition {

	/** The shared instance. */
	public static final LoginRequiredPrecondition INSTANCE = new LoginRequiredPrecondition();

	private LoginRequiredPrecondition() {
	}

	@Override
	public PreconditionResult check(FlowContext context) {
		return context.isAuthenticated() ? PreconditionResult.pass() : PreconditionResult.loginRequired();
	}

	@Override
	public String toString() {
		return "login required";
	}

}
