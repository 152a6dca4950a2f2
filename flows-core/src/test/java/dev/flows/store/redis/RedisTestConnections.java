package dev.flows.store.redis;

import java.net.URI;
import java.time.Duration;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

final class RedisTestConnections {

	private RedisTestConnections() {
	}

	/**
	 * A started connection factory for the Redis at {@code uri}; destroy it when done.
	 */
	static LettuceConnectionFactory connect(URI uri) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
