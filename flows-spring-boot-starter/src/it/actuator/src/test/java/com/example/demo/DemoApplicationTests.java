package com.example.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.flows.it.Browser;
import dev.flows.it.Browser.Page;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void theFlowCompletesAndTheFlowsEndpointAnswers() throws Exception {
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/signup");
		assertThat(entry.status()).isEqualTo(200);
		Page confirm = browser.follow(browser.submit(entry, Map.of("plan", "gold")));
		Page done = browser.follow(browser.submit(confirm, Map.of()));
		assertThat(done.body()).contains("<span id=\"plan\">gold</span>");

		Page report = browser.get("/actuator/flows");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("\"type\":\"memory\"")
			.contains("\"path\":\"/signup\"")
			.contains("\"cron\":\"0 */5 * * * *\"");
		HttpResponse<String> cleanup = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/flows"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cleanup.statusCode()).isEqualTo(200);
		assertThat(cleanup.body()).isEqualTo("{\"removed\":0}");
	}

}
