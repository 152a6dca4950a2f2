package dev.flows.store.jpa;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import dev.flows.engine.TaskIds;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How the JPA store is wired, and how it fails. */
class JpaTaskStoreSetupTest {

	@Test
	void aPersistenceUnitWithoutTheTaskEntityIsRejectedWithTheFix() {
		try (HikariDataSource dataSource = h2("setup-without-entity")) {
			LocalContainerEntityManagerFactoryBean factory = JpaTestDatabase.entityManagerFactory(dataSource, Map.of(),
					false);
			try {
				assertThatExceptionOfType(JpaTaskStoreSetupException.class)
					.isThrownBy(
							() -> new JpaTaskStore(factory.getObject(), new JpaTransactionManager(factory.getObject())))
					.withMessageContaining(JpaTaskStore.ENTITY_PACKAGE)
					.withMessageContaining("persistenceUnitPostProcessor")
					.satisfies((ex) -> {
						assertThat(ex.getDescription()).contains(TaskEntity.class.getName());
						assertThat(ex.getAction()).contains(JpaTaskStore.ENTITY_PACKAGE)
							.contains("persistenceUnitPostProcessor");
					});
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void theShippedSchemaIsWhereTheConstantSays() {
		for (String platform : new String[] { "h2", "postgresql" }) {
			String location = JpaTaskStore.SCHEMA_LOCATION.replace("@@platform@@", platform).replace("classpath:", "");
			assertThat(getClass().getClassLoader().getResource(location)).as(location).isNotNull();
		}
	}

	@Test
	void aDatabaseThatCannotBeReachedMakesTheStoreUnavailable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/nothing");
		dataSource.setUsername("postgres");
		dataSource.setConnectionTimeout(250);
		dataSource.setInitializationFailTimeout(-1);
		try (dataSource) {
			LocalContainerEntityManagerFactoryBean factory = JpaTestDatabase.entityManagerFactory(dataSource,
					Map.of("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect",
							"hibernate.boot.allow_jdbc_metadata_access", "false"),
					true);
			try {
				JpaTaskStore store = new JpaTaskStore(factory.getObject(),
						new JpaTransactionManager(factory.getObject()));
				assertThat(store).as("the claim statements come from the dialect, not from a connection")
					.extracting("claimStatements")
					.isSameAs(ClaimStatements.POSTGRESQL);
				Instant now = Instant.now();
				TaskRecord record = new TaskRecord(TaskIds.newId(), "f", "p", null, null, null, null, "ACTIVE", 0, now,
						now, now.plusSeconds(60));
				assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.find(record.id()))
					.withMessageContaining("find");
				assertThatExceptionOfType(TaskStoreUnavailableException.class).isThrownBy(() -> store.insert(record));
				assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.update(record.withVersion(1), 0));
				assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.deleteExpired(now, 10));
				assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.insertClaimed(record, "token", now.plusSeconds(30)));
				assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.claim(record.id(), 0, "token", now, now.plusSeconds(30)))
					.withMessageContaining("claim");
				assertThatExceptionOfType(TaskStoreUnavailableException.class)
					.isThrownBy(() -> store.release(record.id(), "token"));
			}
			finally {
				factory.destroy();
			}
		}
	}

	private static HikariDataSource h2(String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

}
