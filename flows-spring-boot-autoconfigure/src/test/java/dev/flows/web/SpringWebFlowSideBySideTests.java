package dev.flows.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.definition.FlowRegistry;
import dev.flows.web.swfapp.SideBySideApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.webflow.definition.registry.FlowDefinitionRegistry;
import org.springframework.webflow.engine.builder.support.FlowBuilderServices;
import org.springframework.webflow.executor.FlowExecutor;
import org.springframework.webflow.mvc.builder.MvcViewFactoryCreator;
import org.springframework.webflow.mvc.servlet.FlowHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that runs Spring Web Flow 4, configured with the bean names of its
 * reference guide ({@code flowRegistry}, {@code flowExecutor},
 * {@code flowBuilderServices}, {@code mvcViewFactoryCreator}, {@code flowHandlerMapping},
 * {@code flowHandlerAdapter}), and Flows: the context starts (with Flows' beans named as
 * Spring Web Flow's, it failed with "The bean 'flowRegistry' could not be registered"),
 * and each serves its own flow, on a real Tomcat, in one HTTP session.
 */
@SpringBootTest(classes = SideBySideApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "flows.store.type=memory")
class SpringWebFlowSideBySideTests {

	private static final Pattern HIDDEN_ID = Pattern.compile("name=\"_id\" value=\"([A-Za-z0-9_-]{22})\"");

	private static final Pattern EXECUTION = Pattern.compile("execution=(e\\d+s\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void eachFrameworkKeepsItsBeansUnderItsOwnNames() {
		assertThat(this.context.getBean("flowRegistry")).isInstanceOf(FlowDefinitionRegistry.class);
		assertThat(this.context.getBean("flowExecutor")).isInstanceOf(FlowExecutor.class);
		assertThat(this.context.getBean("flowBuilderServices")).isInstanceOf(FlowBuilderServices.class);
		assertThat(this.context.getBean("mvcViewFactoryCreator")).isInstanceOf(MvcViewFactoryCreator.class);
		assertThat(this.context.getBean("flowHandlerMapping"))
			.isInstanceOf(org.springframework.webflow.mvc.servlet.FlowHandlerMapping.class);
		assertThat(this.context.getBean("flowHandlerAdapter")).isInstanceOf(FlowHandlerAdapter.class);

		assertThat(this.context.getBean("flowsRegistry")).isInstanceOf(FlowRegistry.class);
		assertThat(this.context.getBean("flowsHandlerMapping")).isInstanceOf(FlowHandlerMapping.class);
		assertThat(this.context.getBeanNamesForType(FlowRegistry.class)).containsExactly("flowsRegistry");
		assertThat(this.context.getBeanNamesForType(FlowDefinitionRegistry.class)).containsExactly("flowRegistry");
	}

	@Test
	void springWebFlowServesItsViewStatesTransitionsAndEndState() throws Exception {
		HttpResponse<String> start = get("/register");
		assertThat(start.statusCode()).as("a new execution redirects to its first view-state").isEqualTo(302);
		String first = location(start);
		assertThat(executionKey(first)).isEqualTo("e1s1");

		HttpResponse<String> enterName = get(first);
		assertThat(enterName.statusCode()).isEqualTo(200);
		assertThat(enterName.body()).contains("<h1>Your name</h1>", "<p id=\"key\">e1s1</p>")
			// Tomcat adds ;jsessionid to the redirect of the request that created the
			// session
			.containsPattern("action=\"/register(;jsessionid=[0-9A-F]+)?\\?execution=e1s1\"")
			.as("Flows' form fields stay out of Spring Web Flow pages")
			.doesNotContain("name=\"_id\"", "name=\"_v\"");

		HttpResponse<String> submitted = post(first, "name=Ada&_eventId_submit=Next");
		assertThat(submitted.statusCode()).as("POST-redirect-GET to the next view-state").isEqualTo(302);
		String second = location(submitted);
		assertThat(executionKey(second)).isEqualTo("e1s2");

		HttpResponse<String> review = get(second);
		assertThat(review.statusCode()).isEqualTo(200);
		assertThat(review.body()).contains("<h1>Review</h1>", "<p id=\"key\">e1s2</p>", "<p id=\"name\">Ada</p>");

		HttpResponse<String> confirmed = post(second, "_eventId_confirm=Confirm");
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("<h1>Registered</h1>", "<p id=\"name\">Ada</p>");

		HttpResponse<String> ended = get(second);
		assertThat(ended.statusCode()).as("an ended execution's key restarts the flow").isEqualTo(302);
		assertThat(location(ended)).isEqualTo("/register");
		assertThat(executionKey(location(get("/register")))).isEqualTo("e2s1");
	}

	@Test
	void flowsServesItsFirstStepAndItsFirstSubmit() throws Exception {
		HttpResponse<String> entry = get("/newsletter");
		assertThat(entry.statusCode()).isEqualTo(200);
		assertThat(entry.body()).contains("<h1>Choose a topic</h1>", "action=\"/newsletter/choose-topic\"");
		String taskId = hiddenTaskId(entry.body());

		HttpResponse<String> submitted = post("/newsletter/choose-topic", "topic=gardening&_id=" + taskId);
		assertThat(submitted.statusCode()).isEqualTo(303);
		String next = location(submitted);
		assertThat(next).isEqualTo("/newsletter/confirm-topic?_id=" + taskId);

		HttpResponse<String> confirm = get(next);
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("<h1>Confirm your topic</h1>", "<p id=\"topic\">gardening</p>")
			.contains("name=\"_id\" value=\"" + taskId + "\"", "name=\"_v\"");
	}

	@Test
	void bothRunInterleavedInOneSession() throws Exception {
		String swfFirst = location(get("/register"));
		String taskId = hiddenTaskId(get("/newsletter").body());

		String flowsNext = location(post("/newsletter/choose-topic", "topic=chess&_id=" + taskId));
		String swfSecond = location(post(swfFirst, "name=Grace&_eventId_submit=Next"));

		assertThat(get(flowsNext).body()).contains("<p id=\"topic\">chess</p>");
		assertThat(get(swfSecond).body()).contains("<p id=\"name\">Grace</p>");
		HttpResponse<String> subscribed = post(flowsNext, "_id=" + taskId + "&_v=1");
		assertThat(subscribed.statusCode()).isEqualTo(303);
		assertThat(location(subscribed)).startsWith("/newsletter/_done?_id=" + taskId);
		assertThat(get(location(subscribed)).body()).contains("<h1>Subscribed</h1>");
		assertThat(post(swfSecond, "_eventId_confirm=Confirm").body()).contains("<p id=\"name\">Grace</p>");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port).resolve(path);
	}

	private static String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		URI uri = URI.create(location);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String executionKey(String url) {
		Matcher matcher = EXECUTION.matcher(url);
		assertThat(matcher.find()).as("execution key in " + url).isTrue();
		return matcher.group(1);
	}

	private static String hiddenTaskId(String page) {
		Matcher id = HIDDEN_ID.matcher(page);
		assertThat(id.find()).as("task id rendered into the entry form").isTrue();
		return id.group(1);
	}

}
