package dev.flows.store.jpa;

import java.time.Duration;
import java.sql.Timestamp;

import jakarta.persistence.EntityManager;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flows.engine.TaskIds;
import dev.flows.store.AbstractTaskStoreContractTest;
import dev.flows.store.ClaimResult;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract on a real database, plus what only a JPA store promises: one statement per
 * operation (two for a claim that claims nothing), no entity loaded, and the
 * application's own transactions joined.
 */
abstract class AbstractJpaTaskStoreContractTest extends AbstractTaskStoreContractTest {

	private JpaTestDatabase database;

	private JpaTaskStore store;

	protected abstract JpaTestDatabase createDatabase();

	/** The statements the store claims with on this database. */
	protected abstract ClaimStatements expectedClaimStatements();

	/** The store under test over {@code database}. */
	protected JpaTaskStore createStore(JpaTestDatabase database) {
		return database.store();
	}

	@BeforeAll
	void openDatabase() {
		this.database = createDatabase();
		this.store = createStore(this.database);
	}

	@AfterAll
	void closeDatabase() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Override
	protected TaskStore store() {
		return this.store;
	}

	@Override
	protected void clear() {
		this.database.clear();
	}

	@Override
	protected void writeRaw(TaskRecord r) {
		this.database.jdbc.update("""
				insert into flows_task (id, flow, position, history, state, log, binding, status, version,
				    created_at, updated_at, expires_at, owner) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				r.id(), r.flow(), r.position(), r.history(), r.state(), r.log(), r.binding(), r.status(), r.version(),
				Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()), Timestamp.from(r.expiresAt()), r.owner());
	}

	@Test
	void theStoreClaimsWithTheStatementsOfItsDatabase() {
		assertThat(this.store).extracting("claimStatements").isSameAs(expectedClaimStatements());
	}

	@Test
	void everyOperationIsOneStatementAndLoadsNoEntityToChangeIt() {
		Statistics statistics = this.database.statistics();
		TaskRecord record = record(TaskIds.newId(), 0, live());

		assertThat(statements(() -> this.store.insert(record))).as("insert").isEqualTo(1);
		assertThat(statements(() -> this.store.find(record.id()))).as("find").isEqualTo(1);
		assertThat(statements(() -> this.store.update(record.withVersion(1), 0))).as("update").isEqualTo(1);
		assertThat(statements(() -> this.store.touch(record.id(), live().plusSeconds(1)))).as("touch").isEqualTo(1);
		assertThat(statements(() -> this.store.deleteExpired(this.now, 10))).as("deleteExpired, none").isEqualTo(1);
		this.store.insert(record(TaskIds.newId(), 0, this.now.minus(Duration.ofMinutes(1))));
		assertThat(statements(() -> this.store.deleteExpired(this.now, 10)))
			.as("deleteExpired: one limited DELETE (standard: the ids, then one bulk delete)")
			.isEqualTo((expectedClaimStatements() != ClaimStatements.STANDARD) ? 1 : 2);
		assertThat(statements(() -> this.store.delete(record.id()))).as("delete").isEqualTo(1);
		TaskRecord other = record(TaskIds.newId(), 0, live());
		this.store.insert(other);
		statistics.clear();
		this.database.counting.clear();
		this.store.find(other.id());
		this.store.update(other.withVersion(1), 0);
		this.store.touch(other.id(), live());
		this.store.delete(other.id());
		assertThat(statistics.getEntityLoadCount()).as("entities loaded to read or change a task").isZero();
		assertThat(this.database.counting.statements()).isEqualTo(4);
	}

	@Test
	void claimsAreOneStatementWhereTheDatabaseReturnsTheClaimedRow() {
		Statistics statistics = this.database.statistics();
		statistics.clear();
		TaskRecord record = record(TaskIds.newId(), 0, live());
		String token = token();

		assertThat(statements(() -> this.store.insertClaimed(record, token, claimUntil()))).as("insertClaimed")
			.isEqualTo(1);
		assertThat(statements(() -> this.store.insertClaimed(record, token(), claimUntil())))
			.as("insertClaimed of an existing id (standard: the INSERT fails, a SELECT tells why)")
			.isEqualTo((expectedClaimStatements() != ClaimStatements.STANDARD) ? 1 : 2);
		assertThat(statements(() -> this.store.release(record.id(), token))).as("release").isEqualTo(1);
		assertThat(statements(() -> this.store.claim(record.id(), 0, token(), this.now, claimUntil()))).as("claim")
			.isEqualTo(expectedClaimStatements().claimReturnsRow() ? 1 : 2);
		assertThat(statements(() -> this.store.claim(record.id(), 0, token(), this.now, claimUntil())))
			.as("claim of a busy task: the claim, then one SELECT")
			.isEqualTo(2);
		assertThat(statements(() -> this.store.claim(record.id(), 1, token(), this.now, claimUntil())))
			.as("claim of a stale version: the claim, then one SELECT")
			.isEqualTo(2);
		assertThat(statements(() -> this.store.claim(TaskIds.newId(), 0, token(), this.now, claimUntil())))
			.as("claim of a missing task: the claim, then one SELECT")
			.isEqualTo(2);
		assertThat(statistics.getEntityLoadCount()).as("entities loaded").isZero();
	}

	@Test
	void outsideATransactionEachOperationIsItsStatementAloneWithoutATransaction() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		this.database.counting.clear();
		this.store.insert(record);
		this.store.find(record.id());
		this.store.claim(record.id(), 0, token(), this.now, claimUntil());
		this.store.update(record.withVersion(1), 0);
		this.store.touch(record.id(), live());
		this.store.deleteExpired(this.now, 10);
		this.store.delete(record.id());
		assertThat(this.database.counting.transactions())
			.as("transactions begun (one round trip more each, for the COMMIT); standard: the claim and the cleanup need one each")
			.isEqualTo(expectedClaimStatements().claimReturnsRow() ? 0 : 2);
	}

	@Test
	void theStoreJoinsTheApplicationsTransactionAndSeesItsOwnWrites() {
		TransactionTemplate transaction = new TransactionTemplate(this.database.transactionManager);
		TaskRecord record = owned(record(TaskIds.newId(), 0, live()), "owner:app");
		TaskRecord v1 = withState(record, "{\"step\":1}").withVersion(1);
		String token = token();
		transaction.executeWithoutResult((status) -> {
			entityManager().persist(new AppNote(7L, "with a task"));
			this.store.insert(record);
			if (expectedClaimStatements() != ClaimStatements.STANDARD) {
				// a skipping INSERT: no exception, so the transaction stays committable
				// (with the
				// standard statements the primary key fails the INSERT, and Hibernate
				// then marks
				// the transaction for rollback)
				assertThat(this.store.insertClaimed(withState(record, "{\"twice\":true}"), token(), claimUntil()))
					.isFalse();
			}
			assertThat(this.store.claim(record.id(), 0, token, this.now, claimUntil()))
				.isEqualTo(ClaimResult.claimed(record));
			this.store.update(v1, 0);
			assertThat(this.store.find(record.id())).as("the update, not the entity inserted before it").contains(v1);
			assertThat(this.store.claim(record.id(), 1, token(), this.now, claimUntil()))
				.isEqualTo(ClaimResult.claimed(v1));
		});
		assertThat(this.store.find(record.id())).contains(v1);
		assertThat(this.store.claim(record.id(), 1, token(), this.now, claimUntil()).status())
			.isEqualTo(ClaimResult.Status.BUSY);
		assertThat(this.database.jdbc.queryForObject("select count(*) from app_note", Integer.class)).isOne();

		TaskRecord rolledBack = record(TaskIds.newId(), 0, live());
		this.store.insert(rolledBack);
		transaction.executeWithoutResult((status) -> {
			assertThat(this.store.claim(rolledBack.id(), 0, token(), this.now, claimUntil()).status())
				.isEqualTo(ClaimResult.Status.CLAIMED);
			status.setRollbackOnly();
		});
		assertThat(this.store.claim(rolledBack.id(), 0, token(), this.now, claimUntil()).status())
			.as("a claim in a transaction rolled back is undone")
			.isEqualTo(ClaimResult.Status.CLAIMED);
	}

	@Test
	void aRowWithoutAnOwnerReadsAsAnonymous() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		this.database.jdbc.update("""
				insert into flows_task (id, flow, position, history, state, log, binding, status, version,
				    created_at, updated_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", record.id(),
				record.flow(), record.position(), record.history(), record.state(), record.log(), record.binding(),
				record.status(), record.version(), Timestamp.from(record.createdAt()),
				Timestamp.from(record.updatedAt()), Timestamp.from(record.expiresAt()));
		assertThat(this.database.jdbc.queryForObject("select owner from flows_task where id = ?", String.class,
				record.id()))
			.isNull();
		assertThat(this.store.find(record.id())).contains(record);
		assertThat(this.store.claim(record.id(), 0, token(), this.now, claimUntil()))
			.isEqualTo(ClaimResult.claimed(record));
	}

	@Test
	void aValueTooLongForItsColumnIsAnErrorNotAnExistingTask() {
		TaskRecord record = record(TaskIds.newId(), 0, live());
		TaskRecord longFlow = new TaskRecord(record.id(), "f".repeat(201), record.position(), null, null, null, null,
				"ACTIVE", 0, record.createdAt(), record.updatedAt(), record.expiresAt());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.store.insertClaimed(longFlow, token(), claimUntil()));
		assertThat(this.store.find(record.id())).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.insertClaimed(record, "t".repeat(65), claimUntil()))
			.withMessageContaining("at most 64 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.claim(record.id(), 0, "t".repeat(65), this.now, claimUntil()));
		assertThat(this.store.insertClaimed(record, "t".repeat(64), claimUntil())).isTrue();
		assertThat(this.store.claim(record.id(), 0, token(), this.now, claimUntil()).status())
			.isEqualTo(ClaimResult.Status.BUSY);
	}

	@Test
	void anApplicationEntityWorksNextToTheTaskEntity() {
		TransactionTemplate transaction = new TransactionTemplate(this.database.transactionManager);
		transaction.executeWithoutResult((status) -> entityManager().persist(new AppNote(1L, "mine")));
		this.store.insert(record(TaskIds.newId(), 0, live()));
		AppNote note = transaction.execute((status) -> entityManager().find(AppNote.class, 1L));
		assertThat(note.getText()).isEqualTo("mine");
		assertThat(this.database.jdbc.queryForObject("select count(*) from flows_task", Integer.class)).isOne();
	}

	private EntityManager entityManager() {
		return org.springframework.orm.jpa.EntityManagerFactoryUtils
			.getTransactionalEntityManager(this.database.entityManagerFactory);
	}

	/** The statements {@code operation} runs on the database, whoever prepares them. */
	private long statements(Runnable operation) {
		this.database.counting.clear();
		operation.run();
		return this.database.counting.statements();
	}

}
