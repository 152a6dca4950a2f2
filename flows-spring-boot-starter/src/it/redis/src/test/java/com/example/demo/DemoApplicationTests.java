package com.example.demo;

import java.util.Map;
import java.util.UUID;

import dev.flows.it.Browser;
import dev.flows.it.Browser.Page;
import dev.flows.store.TaskStore;
import dev.flows.store.redis.RedisTaskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// The first store call opens the Redis connection; on a loaded build machine that can take longer
// than the store guard's default 2 s.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "flows.store.guard.timeout=15s")
class DemoApplicationTests {

	/** This run's keys, so that runs sharing a server never meet. */
	static final String PREFIX = "flows-it:" + UUID.randomUUID() + ":";

	@LocalServerPort
	int port;

	@Autowired
	TaskStore store;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		String url = System.getenv("FLOWS_TEST_REDIS_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("FLOWS_TEST_REDIS_URL is not set: this consumer project needs a real Redis."
					+ " Run the build with `bash scripts/test.sh`, which starts one and sets it, or set it to a server"
					+ " of your own (redis://host:port).");
		}
		registry.add("spring.data.redis.url", () -> url);
		registry.add("flows.redis.key-prefix", () -> PREFIX);
	}

	@AfterEach
	void removeKeys() {
		this.redis.delete(this.redis.keys(PREFIX + "*"));
	}

	@Test
	void theRedisStoreIsChosenAndKeepsTheTask() throws Exception {
		assertThat(this.store).isInstanceOf(RedisTaskStore.class);
		Browser browser = new Browser(this.port);
		Page entry = browser.get("/signup");
		assertThat(entry.status()).isEqualTo(200);
		String id = entry.hidden("_id");
		assertThat(id).isNotBlank();

		Page chosen = browser.submit(entry, Map.of("plan", "gold"));
		assertThat(chosen.status()).isEqualTo(303);
		assertThat(chosen.location()).isEqualTo("/signup/confirm?_id=" + id);
		assertThat(this.redis.<String, String>opsForHash().get(PREFIX + id, "status")).isEqualTo("ACTIVE");

		Page confirm = browser.follow(chosen);
		assertThat(confirm.body()).contains("<h1>Confirm</h1>");
		Page done = browser.follow(browser.submit(confirm, Map.of()));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("<span id=\"plan\">gold</span>");
		assertThat(this.redis.<String, String>opsForHash().get(PREFIX + id, "status")).isEqualTo("COMPLETED");
		assertThat(this.redis.getExpire(PREFIX + id)).as("expires by itself").isPositive();
	}

}
