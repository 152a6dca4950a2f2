package com.example.demo;

import java.util.Map;

import dev.flows.it.Browser;
import dev.flows.it.Browser.Page;
import dev.flows.store.TaskStore;
import dev.flows.store.jpa.JpaTaskStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theJpaStoreIsChosenAndKeepsTheTask() throws Exception {
		assertThat(this.store).isInstanceOf(JpaTaskStore.class);
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/signup");
		assertThat(entry.status()).isEqualTo(200);
		String id = entry.hidden("_id");
		assertThat(id).isNotBlank();

		Page chosen = browser.submit(entry, Map.of("plan", "gold"));
		assertThat(chosen.status()).isEqualTo(303);
		assertThat(chosen.location()).isEqualTo("/signup/confirm?_id=" + id);
		assertThat(this.jdbc.queryForObject("select status from flows_task where id = ?", String.class, id))
			.isEqualTo("ACTIVE");

		Page confirm = browser.follow(chosen);
		assertThat(confirm.body()).contains("<h1>Confirm</h1>");
		Page done = browser.follow(browser.submit(confirm, Map.of()));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("<span id=\"plan\">gold</span>");
		assertThat(this.jdbc.queryForObject("select status from flows_task where id = ?", String.class, id))
			.isEqualTo("COMPLETED");
	}

}
