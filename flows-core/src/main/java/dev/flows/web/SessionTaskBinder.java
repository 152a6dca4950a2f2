package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.util.WebUtils;

/**
 * The default binder: a random secret kept as an HTTP session attribute. Session
 * attributes survive the session id change Spring Security makes at login, so signing in
 * part way through a flow keeps the task.
 */
public final class SessionTaskBinder implements TaskBinder {

	static final String SECRET_ATTRIBUTE = SessionTaskBinder.class.getName() + ".SECRET";

	@Override
	public String bind(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(true);
		String secret;
		// Concurrent first submits of one browser share the session: they must share one
		// secret.
		synchronized (WebUtils.getSessionMutex(session)) {
			secret = (String) session.getAttribute(SECRET_ATTRIBUTE);
			if (secret == null) {
				secret = Secrets.newSecret();
				session.setAttribute(SECRET_ATTRIBUTE, secret);
			}
		}
		return "s:" + Secrets.digest(secret);
	}

	/**
	 * Binds only within a session that exists already: an entry page view creates no
	 * session.
	 */
	@Override
	public String prepare(HttpServletRequest request, HttpServletResponse response) {
		return (request.getSession(false) != null) ? bind(request, response) : null;
	}

	@Override
	public boolean matches(HttpServletRequest request, String binding) {
		HttpSession session = request.getSession(false);
		Object secret = (session != null) ? session.getAttribute(SECRET_ATTRIBUTE) : null;
		return secret instanceof String value && Secrets.equal(binding, "s:" + Secrets.digest(value));
	}

	@Override
	public String toString() {
		return "session";
	}

}
