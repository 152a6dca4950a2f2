package dev.flows.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with a flow's pages, over plain HTTP: keeps cookies, submits a page's form
 * with its hidden fields (task id, version, CSRF token) and the user's input, and does not follow
 * redirects, so that each 303 can be checked. Shared by the consumer projects' tests (compiled into
 * each of them); the applications themselves know nothing of it.
 */
public final class Browser {

	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final URI base;

	public Browser(int port) {
		this.base = URI.create("http://localhost:" + port + "/");
	}

	/** GET of a path (or of a redirect's location). */
	public Page get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).GET());
	}

	/** Follows a 303, as a browser does. */
	public Page follow(Page redirect) throws IOException, InterruptedException {
		if (redirect.status() != 303 || redirect.location() == null) {
			throw new AssertionError("expected a 303 with a Location, got " + redirect.status() + ":\n" + redirect.body());
		}
		return get(redirect.location());
	}

	/** Submits the page's first form: its hidden fields, then the given input. */
	public Page submit(Page page, Map<String, String> input) throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>(page.hiddenFields());
		fields.putAll(input);
		return post(page.formAction(), fields);
	}

	/** A POST of form fields, as an HTML form sends them. */
	public Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response.
	 * @param status the HTTP status
	 * @param body the page
	 * @param location where a redirect points, or {@code null}
	 */
	public record Page(int status, String body, String location) {

		/** The {@code action} of the page's first form. */
		public String formAction() {
			Matcher form = FORM.matcher(this.body);
			if (!form.find()) {
				throw new AssertionError("no form on the page:\n" + this.body);
			}
			return attribute(form.group(), "action");
		}

		/** The hidden fields of the page's forms, by name. */
		public Map<String, String> hiddenFields() {
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher input = INPUT.matcher(this.body);
			while (input.find()) {
				if ("hidden".equals(attribute(input.group(), "type"))) {
					fields.putIfAbsent(attribute(input.group(), "name"), attribute(input.group(), "value"));
				}
			}
			return fields;
		}

		/** The value of a hidden field, or {@code null}. */
		public String hidden(String name) {
			return hiddenFields().get(name);
		}

		private static String attribute(String tag, String name) {
			Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
			if (!value.find()) {
				return null;
			}
			return value.group(1)
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&amp;", "&");
		}

	}

}
