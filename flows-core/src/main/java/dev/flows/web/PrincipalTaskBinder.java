package dev.flows.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Binds a task to the authenticated user's name, so the user can continue it from another
 * browser. A task started anonymously is bound to the session instead, as with
 * {@link SessionTaskBinder}, and stays so after the user signs in.
 */
public final class PrincipalTaskBinder implements TaskBinder {

	private final SessionTaskBinder anonymous = new SessionTaskBinder();

	@Override
	public String bind(HttpServletRequest request, HttpServletResponse response) {
		Principal principal = request.getUserPrincipal();
		return (principal != null) ? "p:" + Secrets.digest(principal.getName())
				: this.anonymous.bind(request, response);
	}

	@Override
	public String prepare(HttpServletRequest request, HttpServletResponse response) {
		return (request.getUserPrincipal() != null) ? bind(request, response)
				: this.anonymous.prepare(request, response);
	}

	@Override
	public boolean matches(HttpServletRequest request, String binding) {
		if (binding.startsWith("p:")) {
			Principal principal = request.getUserPrincipal();
			return principal != null && Secrets.equal(binding, "p:" + Secrets.digest(principal.getName()));
		}
		return this.anonymous.matches(request, binding);
	}

	@Override
	public String toString() {
		return "principal";
	}

}
