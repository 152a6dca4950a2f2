package com.example.shop;

import java.util.Map;

import dev.flows.it.Browser;
import dev.flows.it.Browser.Page;
import dev.flows.store.TaskStore;
import dev.flows.store.memory.InMemoryTaskStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskStore store;

	@Test
	void theClassPathHasNoOptionalTechnology() {
		for (String absent : new String[] { "org.springframework.boot.sql.init.DatabaseInitializationMode",
				"org.springframework.jdbc.core.JdbcTemplate", "jakarta.persistence.EntityManager",
				"org.springframework.data.redis.core.RedisTemplate", "org.springframework.security.core.Authentication",
				"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
				"io.micrometer.core.instrument.MeterRegistry", "org.springframework.transaction.PlatformTransactionManager" }) {
			assertThat(ClassUtils.isPresent(absent, null)).as(absent).isFalse();
		}
		assertThat(this.store).isInstanceOf(InMemoryTaskStore.class);
	}

	@Test
	void aPurchaseSentByPostCompletes() throws Exception {
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/buy");
		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.body()).contains("Do you want to buy this?");
		String id = entry.hidden("_id");
		assertThat(id).isNotBlank();

		Page invalid = browser.submit(entry, Map.of("itemId", ""));
		assertThat(invalid.status()).as("redisplayed with the error").isEqualTo(200);
		assertThat(invalid.hidden("_id")).isEqualTo(id);

		Page confirmed = browser.submit(invalid, Map.of("itemId", "42"));
		assertThat(confirmed.status()).isEqualTo(303);
		assertThat(confirmed.location()).isEqualTo("/buy/delivery/choose-delivery?_id=" + id);
		Page delivery = browser.follow(confirmed);
		assertThat(delivery.body()).contains("How should we deliver it?");

		Page byPost = browser.submit(delivery, Map.of("delivery", "post"));
		assertThat(byPost.location()).isEqualTo("/buy/delivery/enter-address?_id=" + id);
		Page address = browser.follow(byPost);
		Page noCity = browser.submit(address, Map.of("street", "1 Main Street", "city", ""));
		assertThat(noCity.status()).isEqualTo(200);
		assertThat(noCity.body()).contains("value=\"1 Main Street\"");

		Page sent = browser.submit(noCity, Map.of("street", "1 Main Street", "city", "Springfield"));
		assertThat(sent.location()).isEqualTo("/buy/confirm-and-pay?_id=" + id);
		Page pay = browser.follow(sent);
		assertThat(pay.body()).contains("Confirm and pay").contains("<span id=\"item\">42</span>");
		assertThat(pay.hidden("_v")).isNotBlank();

		Page paid = browser.submit(pay, Map.of());
		assertThat(paid.status()).isEqualTo(303);
		assertThat(paid.location()).isEqualTo("/buy/_done?_id=" + id);
		Page thanks = browser.follow(paid);
		assertThat(thanks.status()).isEqualTo(200);
		assertThat(thanks.body()).contains("Thank you")
			.contains("<span id=\"item\">42</span>")
			.contains("to 1 Main Street, Springfield");
	}

	@Test
	void aPurchasePickedUpSkipsTheAddress() throws Exception {
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/buy");
		String id = entry.hidden("_id");
		Page delivery = browser.follow(browser.submit(entry, Map.of("itemId", "7")));

		Page pickUp = browser.submit(delivery, Map.of("delivery", "pick-up"));

		assertThat(pickUp.location()).isEqualTo("/buy/confirm-and-pay?_id=" + id);
		Page thanks = browser.follow(browser.submit(browser.follow(pickUp), Map.of()));
		assertThat(thanks.body()).contains("<span id=\"item\">7</span>").doesNotContain(" to ");
	}

}
