package dev.flows.store.jpa;

/**
 * The contract on H2 with the statements the store uses for databases it has none of its
 * own for (claim with an UPDATE, then read with a SELECT in the same transaction; a plain
 * INSERT that meets the primary key): what an application on MySQL, Oracle or SQL Server
 * gets.
 */
class JpaTaskStoreH2StandardClaimContractTest extends AbstractJpaTaskStoreContractTest {

	@Override
	protected JpaTestDatabase createDatabase() {
		return JpaTestDatabase.h2("contract-standard-claims");
	}

	@Override
	protected JpaTaskStore createStore(JpaTestDatabase database) {
		return database.store(ClaimStatements.STANDARD);
	}

	@Override
	protected ClaimStatements expectedClaimStatements() {
		return ClaimStatements.STANDARD;
	}

}
