package dev.flows.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which {@code DataSource}s count as in-memory databases, judged without a connection.
 */
class StoreGuardIsolationTests {

	@Test
	void anInMemoryH2UrlIsInMemory() {
		assertThat(StoreGuardIsolation.isInMemory(hikari("jdbc:h2:mem:flows;DB_CLOSE_DELAY=-1"))).isTrue();
		assertThat(StoreGuardIsolation.isInMemory(new DriverManagerDataSource("jdbc:h2:mem:flows"))).isTrue();
		assertThat(StoreGuardIsolation.isInMemory(new DriverManagerDataSource("jdbc:hsqldb:mem:flows"))).isTrue();
	}

	@Test
	void anEmbeddedDatabaseIsInMemory() {
		EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.build();
		try {
			assertThat(StoreGuardIsolation.isInMemory(database)).isTrue();
		}
		finally {
			database.shutdown();
		}
	}

	@Test
	void aNetworkOrFileDatabaseIsNot() {
		// Nothing listens on port 1: judging must not try to connect.
		assertThat(StoreGuardIsolation.isInMemory(hikari("jdbc:postgresql://127.0.0.1:1/flows"))).isFalse();
		assertThat(StoreGuardIsolation.isInMemory(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/flows")))
			.isFalse();
		assertThat(StoreGuardIsolation.isInMemory(hikari("jdbc:h2:tcp://127.0.0.1:1/flows"))).isFalse();
		assertThat(StoreGuardIsolation.isInMemory(hikari("jdbc:h2:file:/tmp/flows"))).isFalse();
	}

	@Test
	void aDataSourceWithoutAReadableUrlIsNot() {
		assertThat(StoreGuardIsolation.isInMemory(mock(javax.sql.DataSource.class))).isFalse();
		assertThat(StoreGuardIsolation.isInMemory(null)).isFalse();
	}

	private static HikariDataSource hikari(String url) {
		// Not started: a pool opens its connections on first use.
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		return dataSource;
	}

}
