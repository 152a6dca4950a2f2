package dev.flows.web;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.FragmentsRendering;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer to a step's form that htmx submitted and the step shows again, with its
 * validation errors: the view's form fragment alone, swapped over the element on the page
 * with the id of the fragment's first element ({@code HX-Retarget},
 * {@code HX-Reswap: outerHTML}). The heading, the progress indicator, the page title and
 * whatever the user has scrolled to stay as they are.
 * <p>
 * A view without the form fragment renders nothing for it (Thymeleaf renders an empty
 * selection), and a fragment whose first element has no id cannot be swapped by it: both
 * are answered with the step's fragment and the out-of-band views instead, as a request
 * for the step is. The form is rendered into memory first to tell; forms are small, and
 * shown again only after a failed submit.
 */
final class HtmxFormRedisplay implements SmartView {

	private static final Log logger = LogFactory.getLog(HtmxFormRedisplay.class);

	/** The first start tag, after whitespace and comments. */
	private static final Pattern FIRST_ELEMENT = Pattern.compile("^(?:\\s|<!--.*?-->)*<[A-Za-z][^\\s/>]*([^>]*)>",
			Pattern.DOTALL);

	private static final Pattern ID = Pattern.compile("\\sid\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	/** An id that is a CSS identifier as it stands, so that {@code #id} selects it. */
	private static final Pattern SELECTABLE = Pattern.compile("-?[A-Za-z_][A-Za-z0-9_-]*");

	private final String formViewName;

	private final FragmentsRendering step;

	private View formView;

	/**
	 * @param formViewName the view name of the form fragment
	 * @param step the answer when there is no form fragment to swap
	 */
	HtmxFormRedisplay(String formViewName, FragmentsRendering step) {
		this.formViewName = formViewName;
		this.step = step;
	}

	@Override
	public boolean isRedirectView() {
		return false;
	}

	@Override
	public void resolveNestedViews(ViewResolver resolver, Locale locale) throws Exception {
		this.formView = resolver.resolveViewName(this.formViewName, locale);
		if (this.formView == null) {
			throw new ServletException("Could not resolve view " + this.formViewName);
		}
		this.step.resolveNestedViews(resolver, locale);
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		ContentCachingResponseWrapper form = new ContentCachingResponseWrapper(response);
		this.formView.render(model, request, form);
		String html = new String(form.getContentAsByteArray(), Charset.forName(form.getCharacterEncoding()));
		String id = firstElementId(html);
		if (id == null) {
			if (!html.isBlank()) {
				logger.warn("The form fragment " + this.formViewName + " does not start with an element with an id"
						+ " (such as <form id=\"step-form\" th:fragment=\"step-form\">); answering with the whole step");
			}
			this.step.render(model, request, response);
			return;
		}
		response.setHeader(HtmxExchange.RETARGET, "#" + id);
		response.setHeader(HtmxExchange.RESWAP, "outerHTML");
		form.copyBodyToResponse();
	}

	/** The id of the first element of {@code html}, if it is one a selector can name. */
	static String firstElementId(String html) {
		Matcher element = FIRST_ELEMENT.matcher(html);
		if (!element.find()) {
			return null;
		}
		Matcher id = ID.matcher(element.group(1));
		if (!id.find()) {
			return null;
		}
		String value = (id.group(1) != null) ? id.group(1) : id.group(2);
		return SELECTABLE.matcher(value).matches() ? value : null;
	}

	@Override
	public String toString() {
		return "HtmxFormRedisplay " + this.formViewName + ", else " + this.step;
	}

}
