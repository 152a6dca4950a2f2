package dev.flows.sample;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import dev.flows.store.TestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop's live purchases per step on the Redis task store on a real Redis, counted
 * through its index of live tasks, under a key prefix of this test's own. The shop's
 * tables stay on H2.
 */
class RedisLiveTasksEndpointTest extends LiveTasksEndpointTestSupport {

	private static final String KEY_PREFIX = "flows-sample-live-tasks:" + UUID.randomUUID() + ":";

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry properties) {
		properties.add("spring.data.redis.url", TestServers::redisUrl);
		properties.add("flows.store.type", () -> "redis");
		properties.add("flows.redis.key-prefix", () -> KEY_PREFIX);
		// The first store call opens the Redis connection; on a loaded test machine that
		// can take longer than the store guard's default 2 s.
		properties.add("flows.store.guard.timeout", () -> "15s");
	}

	@AfterEach
	void removeKeys() {
		Set<String> keys = this.redis.keys(KEY_PREFIX + "*");
		if (!keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@Override
	String expectedStore() {
		return "redis";
	}

}
