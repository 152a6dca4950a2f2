package dev.flows.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.web.plainapp.PlainApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Tomcat, in an application without Spring Security: the entry page creates no
 * HTTP session, and the redirect of a flow's first submit, which creates it, does not
 * carry the session id in its URL (Tomcat adds {@code ;jsessionid=} to every URL passed
 * through {@code encodeRedirectURL} while the browser has not yet shown that it keeps
 * cookies).
 */
@SpringBootTest(classes = PlainApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "flows.store.type=memory")
class NoSessionIdInUrlTests {

	private static final Pattern HIDDEN_ID = Pattern.compile("name=\"_id\" value=\"([A-Za-z0-9_-]{22})\"");

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theFirstSubmitRedirectsWithoutTheSessionIdInTheUrl() throws Exception {
		HttpResponse<String> entry = this.client.send(HttpRequest.newBuilder(uri("/wizard")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(entry.statusCode()).isEqualTo(200);
		// A page view creates no session, so nothing can write its id into the page's
		// URLs.
		assertThat(entry.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(entry.body()).doesNotContainIgnoringCase("jsessionid");
		Matcher id = HIDDEN_ID.matcher(entry.body());
		assertThat(id.find()).as("task id rendered into the entry form").isTrue();

		HttpResponse<String> submitted = this.client.send(HttpRequest.newBuilder(uri("/wizard/plan"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("plan=basic&_id=" + id.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(submitted.statusCode()).isEqualTo(303);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/wizard/confirm?_id=" + id.group(1)).doesNotContainIgnoringCase("jsessionid");
		String sessionCookie = submitted.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(sessionCookie).startsWith("JSESSIONID=");
		HttpResponse<String> next = this.client.send(HttpRequest.newBuilder(uri(location))
			.header("Cookie", sessionCookie.substring(0, sessionCookie.indexOf(';')))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.body()).contains("Confirm").doesNotContainIgnoringCase("jsessionid");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
