package dev.flows.store.jpa;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flows.store.ClaimResult;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

/**
 * Keeps tasks in one table, {@code flows_task}, through JPA and Spring Data JPA. Every method is
 * one short transaction of its own (or joins the caller's), and one statement:
 * <ul>
 * <li>{@link #find} is one SELECT by primary key;</li>
 * <li>{@link #insert} is one INSERT;</li>
 * <li>{@link #update} is one conditional UPDATE ({@code ... where id = ? and version = ?}): zero
 * rows means someone else saved first, and nothing changed;</li>
 * <li>{@link #touch} is one UPDATE of {@code expires_at}; {@link #delete} one DELETE;</li>
 * <li>{@link #deleteExpired} reads at most {@code batchSize} expired ids through the index on
 * {@code expires_at}, then deletes those still expired in one statement; several nodes may run it
 * at once.</li>
 * </ul>
 * The table is created by the scripts {@value #SCHEMA_LOCATION} (for {@code h2} and
 * {@code postgresql}); the entity must be part of the persistence unit: Spring Boot's
 * auto-configuration adds it, elsewhere use {@link #persistenceUnitPostProcessor()} or scan
 * {@value #ENTITY_PACKAGE}. Failures to reach the database surface as
 * {@link TaskStoreUnavailableException}.
 */
public class JpaTaskStore implements TaskStore {

	/** Where the DDL is, with {@code @@platform@@} standing for {@code h2} or {@code postgresql}. */
	public static final String SCHEMA_LOCATION = "classpath:dev/flows/store/jpa/schema-@@platform@@.sql";

	/** The package of the entity. */
	public static final String ENTITY_PACKAGE = "dev.flows.store.jpa";

	private final TaskEntityRepository repository;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final PersistenceExceptionTranslator translator;

	/**
	 * @param entityManagerFactory a factory whose persistence unit includes the task entity
	 * @param transactionManager the transaction manager for that factory
	 * @throws IllegalStateException if the entity is not part of the persistence unit
	 */
	public JpaTaskStore(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
		Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
		Objects.requireNonNull(transactionManager, "transactionManager");
		requireManagedEntity(entityManagerFactory);
		EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		JpaRepositoryFactory factory = new JpaRepositoryFactory(entityManager);
		factory.setBeanClassLoader(TaskEntity.class.getClassLoader());
		this.repository = factory.getRepository(TaskEntityRepository.class);
		this.writes = new TransactionTemplate(transactionManager);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.translator = (entityManagerFactory instanceof EntityManagerFactoryInfo info && info.getJpaDialect() != null)
				? info.getJpaDialect() : EntityManagerFactoryUtils::convertJpaAccessExceptionIfPossible;
	}

	/** The classes a persistence unit needs for this store. */
	public static List<String> managedClassNames() {
		return List.of(TaskEntity.class.getName());
	}

	/**
	 * Adds the task entity to a persistence unit, next to whatever the application scans, for
	 * example through {@code LocalContainerEntityManagerFactoryBean#setPersistenceUnitPostProcessors}.
	 */
	public static PersistenceUnitPostProcessor persistenceUnitPostProcessor() {
		return (unit) -> {
			for (String name : managedClassNames()) {
				if (!unit.getManagedClassNames().contains(name)) {
					unit.addManagedClassName(name);
				}
			}
		};
	}

	@Override
	public Optional<TaskRecord> find(String id) {
		return call("find", this.reads, () -> this.repository.findById(id).map(TaskEntity::toRecord));
	}

	@Override
	public void insert(TaskRecord record) {
		try {
			call("insert", this.writes, () -> this.repository.saveAndFlush(TaskEntity.of(record)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already", ex);
		}
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		throw new UnsupportedOperationException("claims: in progress");
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		throw new UnsupportedOperationException("claims: in progress");
	}

	@Override
	public void release(String id, String claimToken) {
		throw new UnsupportedOperationException("claims: in progress");
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		int rows = call("update", this.writes,
				() -> this.repository.update(record.id(), expectedVersion, record.version(), record.flow(),
						record.position(), record.history(), record.state(), record.log(), record.binding(),
						record.status(), record.updatedAt(), record.expiresAt()));
		if (rows == 0) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return call("touch", this.writes, () -> this.repository.touch(id, expiresAt)) > 0;
	}

	@Override
	public void delete(String id) {
		call("delete", this.writes, () -> this.repository.remove(id));
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
		}
		return call("deleteExpired", this.writes, () -> {
			List<String> ids = this.repository.findExpiredIds(now, Limit.of(batchSize));
			return ids.isEmpty() ? 0 : this.repository.deleteExpired(ids, now);
		});
	}

	private <T> T call(String operation, TransactionTemplate transaction, Supplier<T> work) {
		try {
			return transaction.execute((status) -> work.get());
		}
		catch (RuntimeException ex) {
			RuntimeException translated = (ex instanceof DataAccessException) ? ex
					: DataAccessUtils.translateIfNecessary(ex, this.translator);
			if (isUnavailable(translated)) {
				throw new TaskStoreUnavailableException(
						"The task store's database cannot be reached (" + operation + "): " + translated.getMessage(),
						translated);
			}
			throw translated;
		}
	}

	/** Whether {@code ex} says the database could not be reached, rather than that a statement failed. */
	static boolean isUnavailable(Throwable ex) {
		if (ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			// SQLState class 08: connection exception
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	private static void requireManagedEntity(EntityManagerFactory entityManagerFactory) {
		try {
			entityManagerFactory.getMetamodel().entity(TaskEntity.class);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The JPA task store needs the entity " + TaskEntity.class.getName()
					+ " in the persistence unit: with Spring Boot, let the Flows auto-configuration add it (it does"
					+ " unless you build the EntityManagerFactory yourself); otherwise add the package "
					+ ENTITY_PACKAGE + " to your entity scan or use JpaTaskStore.persistenceUnitPostProcessor()", ex);
		}
	}


}
