package dev.flows.store.jpa;

import dev.flows.store.TestServers;

/**
 * The contract on a real PostgreSQL ({@code FLOWS_TEST_POSTGRES_URL}, started by
 * {@code scripts/test.sh}), with the shipped {@code schema-postgresql.sql}.
 */
class JpaTaskStorePostgresContractTest extends AbstractJpaTaskStoreContractTest {

	@Override
	protected JpaTestDatabase createDatabase() {
		return JpaTestDatabase.postgres(TestServers.postgresJdbcUrl(), "flows_core_contract");
	}

	@Override
	protected ClaimStatements expectedClaimStatements() {
		return ClaimStatements.POSTGRESQL;
	}

}
