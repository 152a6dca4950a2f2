package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * A flow request from htmx, with htmx support on: what it asks for, and htmx's own forms
 * of the answers Flows gives. Kept as a request attribute by {@link FlowHandlerMapping},
 * so that every part of the web layer answers alike.
 */
final class HtmxExchange {

	static final String ATTRIBUTE = HtmxExchange.class.getName();

	static final String REQUEST = "HX-Request";

	static final String TARGET = "HX-Target";

	static final String HISTORY_RESTORE_REQUEST = "HX-History-Restore-Request";

	static final String LOCATION = "HX-Location";

	static final String REDIRECT = "HX-Redirect";

	static final String PUSH_URL = "HX-Push-Url";

	static final String RETARGET = "HX-Retarget";

	static final String RESWAP = "HX-Reswap";

	private final String target;

	private final boolean historyRestore;

	private HtmxExchange(String target, boolean historyRestore) {
		this.target = target;
		this.historyRestore = historyRestore;
	}

	/** Marks {@code request} as an htmx one when it carries {@code HX-Request: true}. */
	static void mark(HttpServletRequest request) {
		if ("true".equals(request.getHeader(REQUEST))) {
			String target = request.getHeader(TARGET);
			request.setAttribute(ATTRIBUTE, new HtmxExchange((target != null && !target.isBlank()) ? target : null,
					"true".equals(request.getHeader(HISTORY_RESTORE_REQUEST))));
		}
	}

	/** The request's htmx side, or {@code null} for an ordinary request. */
	static HtmxExchange of(HttpServletRequest request) {
		return (HtmxExchange) request.getAttribute(ATTRIBUTE);
	}

	/**
	 * Whether the answer is a fragment: htmx swaps it into an element it names. A history
	 * restore (htmx re-fetching a page the Back button went to) and a request without a
	 * named target (a boosted body) get the whole page.
	 */
	boolean wantsFragment() {
		return this.target != null && !this.historyRestore;
	}

	/**
	 * {@code HX-Location} to {@code location} in the same target when {@code inPlace} and
	 * the request named one, else {@code HX-Redirect}. The status is 200: htmx reads
	 * these headers only from answers it sees, and a 3xx it would follow on its own.
	 */
	void redirect(HttpServletResponse response, String location, boolean inPlace) {
		response.setStatus(HttpStatus.OK.value());
		if (inPlace && this.target != null) {
			response.setHeader(LOCATION,
					"{\"path\":\"" + json(location) + "\",\"target\":\"#" + json(this.target) + "\"}");
		}
		else {
			response.setHeader(REDIRECT, location);
		}
	}

	/**
	 * Lets an error page replace the whole page: htmx would otherwise put it into the
	 * target, or show nothing at all. The address bar keeps the page's URL (a boosted
	 * form would push its action, which has no task id).
	 */
	static void retargetToBody(HttpServletResponse response) {
		response.setHeader(RETARGET, "body");
		response.setHeader(RESWAP, "innerHTML");
		response.setHeader(PUSH_URL, "false");
	}

	private static String json(String text) {
		StringBuilder json = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.toString();
	}

}
