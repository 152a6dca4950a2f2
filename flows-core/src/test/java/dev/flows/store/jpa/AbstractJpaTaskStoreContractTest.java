package dev.flows.store.jpa;

import java.time.Duration;
import java.sql.Timestamp;

import jakarta.persistence.EntityManager;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;

import dev.flows.engine.TaskIds;
import dev.flows.store.AbstractTaskStoreContractTest;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on a real database, plus what only a JPA store promises: one statement per operation. */
abstract class AbstractJpaTaskStoreContractTest extends AbstractTaskStoreContractTest {

	private JpaTestDatabase database;

	private JpaTaskStore store;

	protected abstract JpaTestDatabase createDatabase();

	@BeforeAll
	void openDatabase() {
		this.database = createDatabase();
		this.store = this.database.store();
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
				    created_at, updated_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(),
				r.flow(), r.position(), r.history(), r.state(), r.log(), r.binding(), r.status(), r.version(),
				Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()), Timestamp.from(r.expiresAt()));
	}

	@Test
	void everyOperationIsOneStatementAndLoadsNoEntityToChangeIt() {
		Statistics statistics = this.database.statistics();
		TaskRecord record = record(TaskIds.newId(), 0, live());

		assertThat(statements(statistics, () -> this.store.insert(record))).as("insert").isEqualTo(1);
		assertThat(statements(statistics, () -> this.store.find(record.id()))).as("find").isEqualTo(1);
		assertThat(statements(statistics, () -> this.store.update(record.withVersion(1), 0))).as("update")
			.isEqualTo(1);
		assertThat(statements(statistics, () -> this.store.touch(record.id(), live().plusSeconds(1))))
			.as("touch")
			.isEqualTo(1);
		assertThat(statements(statistics, () -> this.store.deleteExpired(this.now, 10))).as("deleteExpired, none")
			.isEqualTo(1);
		this.store.insert(record(TaskIds.newId(), 0, this.now.minus(Duration.ofMinutes(1))));
		assertThat(statements(statistics, () -> this.store.deleteExpired(this.now, 10)))
			.as("deleteExpired: ids, then one bulk delete")
			.isEqualTo(2);
		assertThat(statements(statistics, () -> this.store.delete(record.id()))).as("delete").isEqualTo(1);
		TaskRecord other = record(TaskIds.newId(), 0, live());
		this.store.insert(other);
		statistics.clear();
		this.store.update(other.withVersion(1), 0);
		this.store.touch(other.id(), live());
		this.store.delete(other.id());
		assertThat(statistics.getEntityLoadCount()).as("entities loaded to change a task").isZero();
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(3);
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

	private static long statements(Statistics statistics, Runnable operation) {
		statistics.clear();
		operation.run();
		return statistics.getPrepareStatementCount();
	}

}
