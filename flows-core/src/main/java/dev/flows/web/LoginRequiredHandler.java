package dev.flows.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What happens when an anonymous user reaches a step guarded by {@code @RequiresLogin}.
 * With Spring Security, the auto-configuration uses Security's own entry point (its login
 * page, then back to the same step of the same task).
 */
@FunctionalInterface
public interface LoginRequiredHandler {

	/**
	 * Answer the request: send a response, or throw an exception that Spring MVC or
	 * Spring Security turns into one.
	 */
	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/** Answer 401 Unauthorized. */
	static LoginRequiredHandler unauthorized() {
		return (request, response) -> {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Please sign in to continue");
		};
	}

	/**
	 * Redirect (303) to {@code loginUrl}, a local path, with a {@code continue} parameter
	 * holding the step's path and query so the login page can send the user back.
	 */
	static LoginRequiredHandler redirectTo(String loginUrl) {
		return (request, response) -> {
			String current = request.getRequestURI()
					+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			String target = UriComponentsBuilder.fromPath(request.getContextPath() + loginUrl)
				.queryParam("continue", current)
				.encode()
				.build()
				.toUriString();
			SeeOther.sendTo(request, response, target);
		};
	}

}
