package com.example.demo;

import java.util.LinkedHashMap;
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
	void theFlowCompletesWithTheCsrfTokenInEveryForm() throws Exception {
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/signup");
		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.hiddenFields()).containsKeys("_csrf", "_id");
		String id = entry.hidden("_id");

		Page chosen = browser.submit(entry, Map.of("plan", "gold"));
		assertThat(chosen.status()).isEqualTo(303);
		assertThat(chosen.location()).isEqualTo("/signup/confirm?_id=" + id);

		Page confirm = browser.follow(chosen);
		assertThat(confirm.hiddenFields()).containsKeys("_csrf", "_id", "_v");
		Page done = browser.follow(browser.submit(confirm, Map.of()));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("<span id=\"plan\">gold</span>");
	}

	@Test
	void aSubmitWithoutTheCsrfTokenIsRefused() throws Exception {
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/signup");
		Map<String, String> fields = new LinkedHashMap<>(entry.hiddenFields());
		assertThat(fields.remove("_csrf")).isNotBlank();
		fields.put("plan", "gold");
		assertThat(browser.post(entry.formAction(), fields).status()).isEqualTo(403);
	}

}
