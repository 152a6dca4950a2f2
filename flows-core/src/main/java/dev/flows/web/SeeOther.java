package dev.flows.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.SmartView;

/**
 * Flows' one way to send the browser on: 303 See Other to a local path. Unlike
 * {@code response.encodeRedirectURL} (and Spring's {@code RedirectView}, which calls it),
 * it never writes the session id into the URL, where it would leak through logs and
 * Referer headers.
 */
final class SeeOther implements SmartView {

	private final String localPath;

	/**
	 * @param localPath a path within the application, without the context path
	 */
	SeeOther(String localPath) {
		this.localPath = localPath;
	}

	/** Answer 303 to {@code localPath}, a path within the application. */
	static void send(HttpServletRequest request, HttpServletResponse response, String localPath) {
		sendTo(response, request.getContextPath() + localPath);
	}

	/** Answer 303 to {@code location} as it is (already holding the context path). */
	static void sendTo(HttpServletResponse response, String location) {
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, location);
	}

	@Override
	public boolean isRedirectView() {
		return true;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		send(request, response, this.localPath);
	}

	@Override
	public String toString() {
		return "SeeOther[" + this.localPath + "]";
	}

}
