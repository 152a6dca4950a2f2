package dev.flows.store.jpa;

/** The contract on an in-memory H2 database, with the shipped {@code schema-h2.sql}. */
class JpaTaskStoreH2ContractTest extends AbstractJpaTaskStoreContractTest {

	@Override
	protected JpaTestDatabase createDatabase() {
		return JpaTestDatabase.h2("contract");
	}

	@Override
	protected ClaimStatements expectedClaimStatements() {
		return ClaimStatements.H2;
	}

}
