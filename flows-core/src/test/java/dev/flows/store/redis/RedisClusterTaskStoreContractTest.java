package dev.flows.store.redis;

import java.time.Duration;

import dev.flows.store.TestServers;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The whole Redis contract again, on a real three-node Redis Cluster
 * ({@code FLOWS_TEST_REDIS_CLUSTER_NODES}, started by {@code scripts/test.sh}): tasks
 * spread over the nodes, and each script touches one key only, so every check-and-write
 * stays atomic on the node that owns the key.
 */
class RedisClusterTaskStoreContractTest extends RedisTaskStoreContractTest {

	@Override
	protected LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisClusterConfiguration(TestServers.redisClusterNodes()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
