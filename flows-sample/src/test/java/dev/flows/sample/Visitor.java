package dev.flows.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor to the running shop without a browser: plain HTTP with a cookie jar of its
 * own, following redirects as a browser does, and submitting a page's form with the
 * hidden fields the page carries (Spring Security's CSRF token, Flows' task id and
 * version). Much faster than {@link Shopper}, for tests that check many pages or many
 * values rather than what a person sees.
 */
final class Visitor {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);

	private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

	/**
	 * A hidden field added by Spring Security, Flows or Spring's data binding: its name
	 * starts with _.
	 */
	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"(_[^\"]*)\" value=\"([^\"]*)\"\\s*/?>");

	private final String baseUrl;

	private final HttpClient client;

	Visitor(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * A GET of {@code path} as a browser sends it (asking for HTML), following redirects.
	 */
	Page open(String path) {
		return send("GET", path, "text/html", null);
	}

	/** Any method, asking for {@code accept}, without a body. */
	Page request(String method, String path, String accept) {
		return send(method, path, accept, null);
	}

	/**
	 * Submits a form of {@code page} that posts to the page's own address (a flow step
	 * posts to itself, so does the login page) with {@code fields} and the hidden fields
	 * of the framework ({@code _csrf}, {@code _id}, {@code _v}, ...), following the
	 * redirect that answers it. A form's own hidden fields (a step's
	 * {@code instead=register}) are left out: pass them in {@code fields}.
	 */
	Page submit(Page page, Map<String, String> fields) {
		return submit(page, page.uri().getPath(), fields);
	}

	/** Submits the form of {@code page} that posts to {@code action}. */
	Page submit(Page page, String action, Map<String, String> fields) {
		return post(page, action, action, fields);
	}

	/**
	 * Posts to {@code action} with the hidden fields of the page's form that posts to
	 * {@code formAction}: a request the page does not offer, as a tab left open before
	 * the page changed would send it.
	 */
	Page post(Page page, String formAction, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(page.hiddenFieldsOfForm(formAction));
		form.putAll(fields);
		return send("POST", action, "text/html", form);
	}

	/** Signs in on the shop's login page. */
	Visitor signIn(String email, String password) {
		Page home = submit(open("/login"), Map.of("email", email, "password", password));
		assertThat(home.heading()).as("the shop after signing in as %s:%n%s", email, home.text())
			.isEqualTo("Paper & Pen");
		return this;
	}

	private Page send(String method, String path, String accept, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", accept);
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, BodyPublishers.ofString(encode(form)));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
			return new Page(response.statusCode(), response.uri(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A page as it arrived, after redirects: its status, its address and its HTML. */
	record Page(int status, URI uri, String html) {

		/** The address, from the path on. */
		String path() {
			return (this.uri.getRawQuery() != null) ? this.uri.getPath() + "?" + this.uri.getRawQuery()
					: this.uri.getPath();
		}

		String heading() {
			Matcher heading = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(this.html);
			return heading.find() ? textOf(heading.group(1)) : "";
		}

		/**
		 * What a person reads: the text without tags, entities decoded, blanks collapsed.
		 */
		String text() {
			String body = this.html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<script.*?</script>", "");
			return textOf(body);
		}

		/**
		 * The error message next to the field named {@code field}, or "" if there is
		 * none.
		 */
		String errorNextTo(String field) {
			Matcher error = Pattern
				.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">(.*?)</p>", Pattern.DOTALL)
				.matcher(this.html);
			return error.find() ? textOf(error.group(1)) : "";
		}

		Map<String, String> hiddenFieldsOfForm(String action) {
			Matcher form = FORM.matcher(this.html);
			while (form.find()) {
				Matcher formAction = ACTION.matcher(form.group(1));
				if (formAction.find() && formAction.group(1).equals(action)) {
					Map<String, String> fields = new LinkedHashMap<>();
					Matcher hidden = HIDDEN.matcher(form.group(2));
					while (hidden.find()) {
						fields.put(hidden.group(1), unescape(hidden.group(2)));
					}
					return fields;
				}
			}
			throw new AssertionError("No form posting to " + action + " on " + path() + ":\n" + text());
		}

		private static String textOf(String html) {
			return unescape(html.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
		}

		private static String unescape(String html) {
			return html.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&amp;", "&");
		}

	}

}
