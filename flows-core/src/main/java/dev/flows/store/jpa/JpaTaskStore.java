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
import jakarta.persistence.Query;

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
 * <li>{@link #insert} is one INSERT, {@link #insertClaimed} one INSERT with the claim columns set
 * that inserts nothing if the id exists ({@code ON CONFLICT DO NOTHING} on PostgreSQL,
 * {@code INSERT ... SELECT ... WHERE NOT EXISTS} on H2);</li>
 * <li>{@link #claim} is one conditional UPDATE that returns the row it claimed
 * ({@code UPDATE ... RETURNING} on PostgreSQL, {@code SELECT ... FROM FINAL TABLE (UPDATE ...)} on
 * H2); only when it claims nothing does one SELECT tell a stale version from a busy or missing
 * task;</li>
 * <li>{@link #update} is one conditional UPDATE ({@code ... where id = ? and version = ?}) that
 * also clears the claim: zero rows means someone else saved first, and nothing changed;</li>
 * <li>{@link #release} is one UPDATE clearing the claim if the token still holds it;</li>
 * <li>{@link #touch} is one UPDATE of {@code expires_at}; {@link #delete} one DELETE;</li>
 * <li>{@link #deleteExpired} reads at most {@code batchSize} expired ids through the index on
 * {@code expires_at}, then deletes those still expired in one statement; several nodes may run it
 * at once.</li>
 * </ul>
 * The database is told by the JPA provider's dialect (Hibernate's) when the store is created. On
 * databases other than PostgreSQL and H2, or with another provider, a claim is an UPDATE and then a
 * SELECT in one transaction, and {@link #insertClaimed} of an existing id is an INSERT that fails on
 * the primary key and a SELECT that tells why: inside an application's transaction, that failure
 * marks the transaction for rollback.
 * <p>
 * Rows are read into {@link TaskRecord}s, never into managed entities, so a caller's persistence
 * context never hands back a task as it was before a statement of the store changed it. A claim is
 * two nullable columns, {@code claim_token} (at most 64 characters) and {@code claimed_until},
 * compared with the {@code now} the caller passes, not with the database's clock.
 * <p>
 * The table is created, or brought up to date from an earlier build, by the scripts
 * {@value #SCHEMA_LOCATION} (for {@code h2} and {@code postgresql}); the entity must be part of the
 * persistence unit: Spring Boot's auto-configuration adds it, elsewhere use
 * {@link #persistenceUnitPostProcessor()} or scan {@value #ENTITY_PACKAGE}. Failures to reach the
 * database surface as {@link TaskStoreUnavailableException}.
 */
public class JpaTaskStore implements TaskStore {

	/** Where the DDL is, with {@code @@platform@@} standing for {@code h2} or {@code postgresql}. */
	public static final String SCHEMA_LOCATION = "classpath:dev/flows/store/jpa/schema-@@platform@@.sql";

	/** The package of the entity. */
	public static final String ENTITY_PACKAGE = "dev.flows.store.jpa";

	/** The length of the column {@code claim_token}. */
	private static final int MAX_CLAIM_TOKEN_LENGTH = 64;

	private final EntityManager entityManager;

	private final TaskEntityRepository repository;

	private final ClaimStatements claimStatements;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final PersistenceExceptionTranslator translator;

	/**
	 * @param entityManagerFactory a factory whose persistence unit includes the task entity
	 * @param transactionManager the transaction manager for that factory
	 * @throws IllegalStateException if the entity is not part of the persistence unit
	 */
	public JpaTaskStore(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
		this(entityManagerFactory, transactionManager, ClaimStatements.of(entityManagerFactory));
	}

	/** A store that claims with {@code claimStatements} whatever the database (tests of the fallback). */
	JpaTaskStore(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			ClaimStatements claimStatements) {
		Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
		Objects.requireNonNull(transactionManager, "transactionManager");
		requireManagedEntity(entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		JpaRepositoryFactory factory = new JpaRepositoryFactory(this.entityManager);
		factory.setBeanClassLoader(TaskEntity.class.getClassLoader());
		this.repository = factory.getRepository(TaskEntityRepository.class);
		this.claimStatements = Objects.requireNonNull(claimStatements, "claimStatements");
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
		return call("find", this.reads, () -> this.repository.findRecord(id));
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
		requireClaimToken(claimToken);
		Objects.requireNonNull(claimedUntil, "claimedUntil");
		try {
			return call("insertClaimed", this.writes, () -> {
				Query insert = this.entityManager.createNativeQuery(this.claimStatements.insertClaimed())
					.setParameter("id", record.id())
					.setParameter("flow", record.flow())
					.setParameter("position", record.position())
					.setParameter("history", record.history())
					.setParameter("state", record.state())
					.setParameter("log", record.log())
					.setParameter("binding", record.binding())
					.setParameter("status", record.status())
					.setParameter("version", record.version())
					.setParameter("createdAt", record.createdAt())
					.setParameter("updatedAt", record.updatedAt())
					.setParameter("expiresAt", record.expiresAt())
					.setParameter("owner", record.owner())
					.setParameter("token", claimToken)
					.setParameter("until", claimedUntil);
				return insert.executeUpdate() == 1;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// The same id inserted at the same instant, or before on a database without a skipping
			// INSERT; any other violation (a value too long) is the caller's to know.
			if (this.claimStatements.insertClaimedMayMeetTheKey() && existsAfterFailure(record.id(), ex)) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public ClaimResult claim(String id, long version, String claimToken, Instant now, Instant claimedUntil) {
		requireClaimToken(claimToken);
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(claimedUntil, "claimedUntil");
		return call("claim", this.writes, () -> {
			ClaimStatements statements = this.claimStatements;
			Query claim = (statements.claimReturnsRow())
					? this.entityManager.createNativeQuery(statements.claim(), TaskEntity.RECORD_MAPPING)
					: this.entityManager.createNativeQuery(statements.claim());
			claim.setParameter("id", id)
				.setParameter("version", version)
				.setParameter("token", claimToken)
				.setParameter("now", now)
				.setParameter("until", claimedUntil);
			if (statements.claimReturnsRow()) {
				List<?> claimed = claim.getResultList();
				if (!claimed.isEmpty()) {
					return ClaimResult.claimed((TaskRecord) claimed.get(0));
				}
			}
			else if (claim.executeUpdate() == 1) {
				// the row is locked by this transaction until it ends: the SELECT sees it as claimed
				return ClaimResult.claimed(this.repository.findRecord(id).orElseThrow());
			}
			// Nothing claimed: stale, busy, or missing. A claim released or lapsed since the UPDATE
			// still counts as busy: the caller's request met it.
			return this.repository.findRecord(id)
				.map((stored) -> (stored.version() == version) ? ClaimResult.busy(stored) : ClaimResult.stale(stored))
				.orElseGet(ClaimResult::missing);
		});
	}

	@Override
	public void release(String id, String claimToken) {
		Objects.requireNonNull(claimToken, "claimToken");
		call("release", this.writes, () -> this.repository.release(id, claimToken));
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		int rows = call("update", this.writes,
				() -> this.repository.update(record.id(), expectedVersion, record.version(), record.flow(),
						record.position(), record.history(), record.state(), record.log(), record.binding(),
						record.status(), record.updatedAt(), record.expiresAt(), record.owner()));
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

	private static void requireClaimToken(String claimToken) {
		Objects.requireNonNull(claimToken, "claimToken");
		if (claimToken.length() > MAX_CLAIM_TOKEN_LENGTH) {
			throw new IllegalArgumentException("A claim token of the JPA task store has at most "
					+ MAX_CLAIM_TOKEN_LENGTH + " characters (column claim_token), this one " + claimToken.length());
		}
	}

	/** Whether the task {@code id} exists, read after {@code failure}, to which a failure to read it is added. */
	private boolean existsAfterFailure(String id, RuntimeException failure) {
		try {
			return find(id).isPresent();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			return false;
		}
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
