package dev.flows.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Shows the error pages of htmx requests to flow URLs as the whole page, also when the
 * error arises before Flows sees the request: Spring Security refusing a form whose CSRF
 * token it no longer accepts (the session expired, or signing in in another tab rotated
 * the token), a request rejected by another filter, or the servlet container. Without
 * this, htmx would swap the error page (a whole document, with the site's header) into
 * the step, and a boosted form would push its action, which has no task id, to the
 * address bar. Register it before Spring Security's filters.
 * <p>
 * An error page here is one the servlet container renders: an error status sent with
 * {@code sendError} (which is how Security, Spring MVC and Flows answer errors) or an
 * exception that leaves the filter chain. Such an answer gets {@code HX-Retarget: body},
 * {@code HX-Reswap: innerHTML} and {@code HX-Push-Url: false}, as Flows' own errors do.
 * Answers a handler writes itself, whatever their status, are left as they are, and so
 * are requests without {@code HX-Request} and requests to other URLs.
 * <p>
 * A refused CSRF token gets the error page too, not a reload of the step
 * ({@code HX-Refresh}), although a reload would bring a fresh token: a reload would drop
 * what the user typed without a word of why, and Security's 403 does not say whether the
 * token or an authorization rule refused the form (a reload of a step whose form the user
 * may not send would show it again and again). The error page says what happened, is what
 * the same user sees without JavaScript, and leaves the step's URL in the address bar, so
 * that reloading it starts afresh.
 */
public final class FlowHtmxErrorFilter extends OncePerRequestFilter {

	private final FlowRegistry registry;

	/**
	 * @param registry the flows whose URLs this filter looks after
	 */
	public FlowHtmxErrorFilter(FlowRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"true".equals(request.getHeader(HtmxExchange.REQUEST)) || !isFlowPath(request);
	}

	private boolean isFlowPath(HttpServletRequest request) {
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		for (FlowDefinition flow : this.registry.flows()) {
			if (path.equals(flow.path()) || path.startsWith(flow.path() + "/")) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, new ErrorPageResponse(response));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// The container answers with its error page.
			if (!response.isCommitted()) {
				HtmxExchange.retargetToBody(response);
			}
			throw ex;
		}
	}

	/** Sets htmx's headers when an error page is asked for. */
	private static final class ErrorPageResponse extends HttpServletResponseWrapper {

		ErrorPageResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			retarget();
			super.sendError(status, message);
		}

		@Override
		public void sendError(int status) throws IOException {
			retarget();
			super.sendError(status);
		}

		private void retarget() {
			if (!isCommitted()) {
				HtmxExchange.retargetToBody((HttpServletResponse) getResponse());
			}
		}

	}

}
