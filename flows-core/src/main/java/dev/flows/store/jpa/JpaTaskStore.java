package dev.flows.store.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flows.store.ClaimResult;
import dev.flows.store.ExpiredTask;
import dev.flows.store.ExpiredTasks;
import dev.flows.store.StaleTaskException;
import dev.flows.store.TaskCounts;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;
import dev.flows.store.TaskStoreUnavailableException;

/**
 * Keeps tasks in one table, {@code flows_task}, next to the application's JPA entities.
 * Every method is one SQL statement, run on the persistence unit's {@link DataSource}
 * through Spring's JDBC support, so it joins the caller's transaction when there is one
 * (a JPA transaction of the application included: {@code JpaTransactionManager} exposes
 * its connection for that {@code DataSource}), and otherwise runs on its own, in
 * autocommit: one round trip to the database.
 * <ul>
 * <li>{@link #find} is one SELECT by primary key;</li>
 * <li>{@link #insert} is one INSERT, {@link #insertClaimed} one INSERT with the claim
 * columns set that inserts nothing if the id exists ({@code ON CONFLICT DO NOTHING} on
 * PostgreSQL, {@code INSERT ... SELECT ... WHERE NOT EXISTS} on H2);</li>
 * <li>{@link #claim} is one conditional UPDATE that returns the row it claimed
 * ({@code UPDATE ... RETURNING} on PostgreSQL,
 * {@code SELECT ... FROM FINAL TABLE (UPDATE ...)} on H2); only when it claims nothing
 * does one SELECT tell a stale version from a busy or missing task;</li>
 * <li>{@link #update} is one conditional UPDATE
 * ({@code ... where id = ? and version = ?}) that also clears the claim: zero rows means
 * someone else saved first, and nothing changed;</li>
 * <li>{@link #release} is one UPDATE clearing the claim if the token still holds it;</li>
 * <li>{@link #touch} is one UPDATE of {@code expires_at}; {@link #delete} one
 * DELETE;</li>
 * <li>{@link #countLive} is one SELECT grouped by flow and position, over the index
 * {@code flows_task_flow_position};</li>
 * <li>{@link #deleteExpired} is one DELETE of at most {@code batchSize} expired rows,
 * found through the index on {@code expires_at} (on PostgreSQL, rows another node is
 * deleting at the same time are skipped, not waited for); several nodes may run it at
 * once.</li>
 * </ul>
 * The statements are plain SQL rather than JPA queries: JPA would open a persistence
 * context and a transaction around each of them, and translate and map each query, which
 * cost several times what the database does (see {@code BENCHMARKS.md}). The JPA setup
 * stays: the table is mapped by an entity of the persistence unit (so {@code ddl-auto}
 * and schema validation know it), the {@code DataSource} and the database are the
 * persistence unit's, and the transaction manager is the application's.
 * <p>
 * The database is told by the JPA provider's dialect (Hibernate's) when the store is
 * created. On databases other than PostgreSQL and H2, or with another provider, a claim
 * is an UPDATE and then a SELECT in one transaction, {@link #insertClaimed} of an
 * existing id is an INSERT that fails on the primary key and a SELECT that tells why
 * (inside an application's transaction, some databases then refuse further statements
 * until it rolls back), and {@link #deleteExpired} reads the ids, then deletes those
 * still expired.
 * <p>
 * Rows are read into {@link TaskRecord}s, never into managed entities, so a caller's
 * persistence context never hands back a task as it was before a statement of the store
 * changed it, and no flush of the caller's pending changes is needed first (no entity of
 * theirs maps this table). A claim is two nullable columns, {@code claim_token} (at most
 * 64 characters) and {@code claimed_until}, compared with the {@code now} the caller
 * passes, not with the database's clock.
 * <p>
 * The table is created, or brought up to date from an earlier build, by the scripts
 * {@value #SCHEMA_LOCATION} (for {@code h2} and {@code postgresql}); the entity must be
 * part of the persistence unit: Spring Boot's auto-configuration adds it, elsewhere use
 * {@link #persistenceUnitPostProcessor()} or scan {@value #ENTITY_PACKAGE}. Failures to
 * reach the database surface as {@link TaskStoreUnavailableException}.
 */
public class JpaTaskStore implements TaskStore {

	/**
	 * Where the DDL is, with {@code @@platform@@} standing for {@code h2} or
	 * {@code postgresql}.
	 */
	public static final String SCHEMA_LOCATION = "classpath:dev/flows/store/jpa/schema-@@platform@@.sql";

	/** The package of the entity. */
	public static final String ENTITY_PACKAGE = "dev.flows.store.jpa";

	/** The length of the column {@code claim_token}. */
	private static final int MAX_CLAIM_TOKEN_LENGTH = 64;

	private static final String FIND = "select " + TaskEntity.RECORD_COLUMNS + " from flows_task where id = ?";

	private static final String INSERT = "insert into flows_task (" + TaskEntity.RECORD_COLUMNS
			+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Replaces the task if it is at the expected version, and ends any claim on it. */
	private static final String UPDATE = "update flows_task set flow = ?, position = ?, history = ?, state = ?,"
			+ " log = ?, binding = ?, status = ?, version = ?, updated_at = ?, expires_at = ?, owner = ?,"
			+ " claim_token = null, claimed_until = null where id = ? and version = ?";

	/** Ends the claim a token holds, if it still holds one. */
	private static final String RELEASE = "update flows_task set claim_token = null, claimed_until = null"
			+ " where id = ? and claim_token = ?";

	/** Moves the expiry only: the version and any claim stay. */
	private static final String TOUCH = "update flows_task set expires_at = ? where id = ?";

	private static final String DELETE = "delete from flows_task where id = ?";

	private static final String DELETE_AT_VERSION = "delete from flows_task where id = ? and version = ?";

	/**
	 * Live tasks per flow and step, through the index {@code flows_task_flow_position}.
	 */
	private static final String COUNT_LIVE = "select flow, position, count(*) from flows_task"
			+ " where status = 'ACTIVE' and expires_at > ? group by flow, position";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ClaimStatements claimStatements;

	private final TransactionTemplate writes;

	/**
	 * @param entityManagerFactory a factory whose persistence unit includes the task
	 * entity, and whose {@code DataSource} is known (as it is for factories Spring
	 * builds, Spring Boot's included)
	 * @param transactionManager the transaction manager for that factory
	 * @throws JpaTaskStoreSetupException if the entity is not part of the persistence
	 * unit, or the factory's {@code DataSource} is unknown
	 */
	public JpaTaskStore(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
		this(entityManagerFactory, transactionManager, ClaimStatements.of(entityManagerFactory));
	}

	/**
	 * A store that claims with {@code claimStatements} whatever the database (tests of
	 * the fallback).
	 */
	JpaTaskStore(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			ClaimStatements claimStatements) {
		Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
		Objects.requireNonNull(transactionManager, "transactionManager");
		requireManagedEntity(entityManagerFactory);
		this.dataSource = dataSource(entityManagerFactory);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.claimStatements = Objects.requireNonNull(claimStatements, "claimStatements");
		this.writes = new TransactionTemplate(transactionManager);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
	}

	/**
	 * The {@code DataSource} the store's statements run on: its persistence unit's,
	 * whichever other {@code DataSource}s the application has.
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The classes a persistence unit needs for this store. */
	public static List<String> managedClassNames() {
		return List.of(TaskEntity.class.getName());
	}

	/**
	 * Adds the task entity to a persistence unit, next to whatever the application scans,
	 * for example through
	 * {@code LocalContainerEntityManagerFactoryBean#setPersistenceUnitPostProcessors}.
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
		return call("find", () -> findRecord(id));
	}

	@Override
	public void insert(TaskRecord record) {
		try {
			call("insert", () -> this.jdbc.update(INSERT, (statement) -> setRecord(statement, record)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new IllegalStateException("A task with id " + TaskRecord.shortId(record.id()) + " exists already",
					ex);
		}
	}

	@Override
	public boolean insertClaimed(TaskRecord record, String claimToken, Instant claimedUntil) {
		requireClaimToken(claimToken);
		Objects.requireNonNull(claimedUntil, "claimedUntil");
		ClaimStatements statements = this.claimStatements;
		try {
			return call("insertClaimed", () -> this.jdbc.update(statements.insertClaimed(), (statement) -> {
				int next = setRecord(statement, record);
				statement.setString(next++, claimToken);
				statement.setObject(next++, timestamp(claimedUntil));
				if (statements.insertClaimedRepeatsId()) {
					statement.setString(next, record.id());
				}
			}) == 1);
		}
		catch (DataIntegrityViolationException ex) {
			// The same id inserted at the same instant, or before on a database without a
			// skipping
			// INSERT; any other violation (a value too long) is the caller's to know.
			if (statements.insertClaimedMayMeetTheKey() && existsAfterFailure(record.id(), ex)) {
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
		ClaimStatements statements = this.claimStatements;
		PreparedStatementSetter parameters = (statement) -> {
			statement.setString(1, claimToken);
			statement.setObject(2, timestamp(claimedUntil));
			statement.setString(3, id);
			statement.setLong(4, version);
			statement.setObject(5, timestamp(now));
		};
		if (statements.claimReturnsRow()) {
			// one statement: atomic on its own, in the caller's transaction or in none
			return call("claim", () -> {
				List<TaskRecord> claimed = this.jdbc.query(statements.claim(), parameters, JpaTaskStore::record);
				return claimed.isEmpty() ? notClaimed(id, version) : ClaimResult.claimed(claimed.get(0));
			});
		}
		return call("claim", () -> this.writes.execute((status) -> {
			if (this.jdbc.update(statements.claim(), parameters) == 1) {
				// the row is locked by this transaction until it ends: the SELECT sees it
				// as claimed
				return ClaimResult.claimed(findRecord(id).orElseThrow());
			}
			return notClaimed(id, version);
		}));
	}

	/**
	 * Nothing claimed: stale, busy, or missing. A claim released or lapsed since the
	 * UPDATE still counts as busy: the caller's request met it.
	 */
	private ClaimResult notClaimed(String id, long version) {
		return findRecord(id)
			.map((stored) -> (stored.version() == version) ? ClaimResult.busy(stored) : ClaimResult.stale(stored))
			.orElseGet(ClaimResult::missing);
	}

	@Override
	public void release(String id, String claimToken) {
		Objects.requireNonNull(claimToken, "claimToken");
		call("release", () -> this.jdbc.update(RELEASE, id, claimToken));
	}

	@Override
	public void update(TaskRecord record, long expectedVersion) {
		int rows = call("update", () -> this.jdbc.update(UPDATE, (statement) -> {
			statement.setString(1, record.flow());
			statement.setString(2, record.position());
			statement.setString(3, record.history());
			statement.setString(4, record.state());
			statement.setString(5, record.log());
			statement.setString(6, record.binding());
			statement.setString(7, record.status());
			statement.setLong(8, record.version());
			statement.setObject(9, timestamp(record.updatedAt()));
			statement.setObject(10, timestamp(record.expiresAt()));
			statement.setString(11, record.owner());
			statement.setString(12, record.id());
			statement.setLong(13, expectedVersion);
		}));
		if (rows == 0) {
			throw new StaleTaskException(record.id(), expectedVersion);
		}
	}

	@Override
	public boolean touch(String id, Instant expiresAt) {
		return call("touch", () -> this.jdbc.update(TOUCH, timestamp(expiresAt), id)) > 0;
	}

	@Override
	public void delete(String id) {
		call("delete", () -> this.jdbc.update(DELETE, id));
	}

	@Override
	public void delete(String id, long expectedVersion) {
		if (call("delete", () -> this.jdbc.update(DELETE_AT_VERSION, id, expectedVersion)) == 0) {
			throw new StaleTaskException(id, expectedVersion);
		}
	}

	@Override
	public int deleteExpired(Instant now, int batchSize) {
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
		}
		ClaimStatements statements = this.claimStatements;
		OffsetDateTime expiredBy = timestamp(now);
		if (statements.deleteExpired() != null) {
			return call("deleteExpired", () -> this.jdbc.update(statements.deleteExpired(), expiredBy, batchSize));
		}
		return removeExpiredOneByOne(expiredBy, batchSize).removed();
	}

	/**
	 * One statement on PostgreSQL ({@code DELETE ... RETURNING}) and H2
	 * ({@code SELECT ... FROM OLD TABLE (DELETE ...)}); elsewhere the expired rows are
	 * read, then deleted if still expired.
	 */
	@Override
	public ExpiredTasks removeExpired(Instant now, int batchSize) {
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
		}
		String removeExpired = this.claimStatements.removeExpired();
		OffsetDateTime expiredBy = timestamp(now);
		if (removeExpired != null) {
			return ExpiredTasks.of(call("removeExpired",
					() -> this.jdbc.query(removeExpired, JpaTaskStore::expiredTask, expiredBy, batchSize)));
		}
		return removeExpiredOneByOne(expiredBy, batchSize);
	}

	private ExpiredTasks removeExpiredOneByOne(OffsetDateTime expiredBy, int batchSize) {
		return call("removeExpired", () -> this.writes.execute((status) -> {
			JdbcTemplate limited = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
			limited.setExceptionTranslator(this.jdbc.getExceptionTranslator());
			limited.setMaxRows(batchSize);
			List<ExpiredTask> expired = limited.query(
					"select " + ClaimStatements.EXPIRED_COLUMNS
							+ " from flows_task where expires_at <= ? order by expires_at",
					JpaTaskStore::expiredTask, expiredBy);
			if (expired.isEmpty()) {
				return ExpiredTasks.unnamed(0);
			}
			String in = String.join(", ", java.util.Collections.nCopies(expired.size(), "?"));
			List<Object> arguments = new ArrayList<>(expired.stream().map(ExpiredTask::id).toList());
			arguments.add(expiredBy);
			// only rows still expired: a task touched since the rows were read survives
			int removed = this.jdbc.update("delete from flows_task where id in (" + in + ") and expires_at <= ?",
					arguments.toArray());
			return (removed == expired.size()) ? ExpiredTasks.of(expired) : ExpiredTasks.unnamed(removed);
		}));
	}

	private static ExpiredTask expiredTask(ResultSet row, int rowNumber) throws SQLException {
		return new ExpiredTask(row.getString(1), row.getString(2), row.getString(3), "ACTIVE".equals(row.getString(4)),
				instant(row, 5));
	}

	@Override
	public Optional<TaskCounts> countLive(Instant now) {
		TaskCounts.Builder counts = new TaskCounts.Builder();
		call("countLive", () -> {
			this.jdbc.query(COUNT_LIVE, (statement) -> statement.setObject(1, timestamp(now)),
					(RowCallbackHandler) (row) -> counts.add(row.getString(1), row.getString(2), row.getLong(3)));
			return null;
		});
		return Optional.of(counts.build());
	}

	private Optional<TaskRecord> findRecord(String id) {
		List<TaskRecord> found = this.jdbc.query(FIND, (statement) -> statement.setString(1, id), JpaTaskStore::record);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/**
	 * Sets the columns {@link TaskEntity#RECORD_COLUMNS} as parameters 1 to 13.
	 * @return the next parameter index
	 */
	private static int setRecord(PreparedStatement statement, TaskRecord record) throws SQLException {
		statement.setString(1, record.id());
		statement.setString(2, record.flow());
		statement.setString(3, record.position());
		statement.setString(4, record.history());
		statement.setString(5, record.state());
		statement.setString(6, record.log());
		statement.setString(7, record.binding());
		statement.setString(8, record.status());
		statement.setLong(9, record.version());
		statement.setObject(10, timestamp(record.createdAt()));
		statement.setObject(11, timestamp(record.updatedAt()));
		statement.setObject(12, timestamp(record.expiresAt()));
		statement.setString(13, record.owner());
		return 14;
	}

	/**
	 * A row of the columns {@link TaskEntity#RECORD_COLUMNS} (a {@code NULL} owner, from
	 * before owners were kept, reads as "").
	 */
	private static TaskRecord record(ResultSet row, int number) throws SQLException {
		return new TaskRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
				row.getString(6), row.getString(7), row.getString(8), row.getLong(9), instant(row, 10),
				instant(row, 11), instant(row, 12), row.getString(13));
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** An instant as the columns {@code timestamp(6) with time zone} take it. */
	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static void requireClaimToken(String claimToken) {
		Objects.requireNonNull(claimToken, "claimToken");
		if (claimToken.length() > MAX_CLAIM_TOKEN_LENGTH) {
			throw new IllegalArgumentException("A claim token of the JPA task store has at most "
					+ MAX_CLAIM_TOKEN_LENGTH + " characters (column claim_token), this one " + claimToken.length());
		}
	}

	/**
	 * Whether the task {@code id} exists, read after {@code failure}, to which a failure
	 * to read it is added.
	 */
	private boolean existsAfterFailure(String id, RuntimeException failure) {
		try {
			return find(id).isPresent();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			return false;
		}
	}

	private <T> T call(String operation, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			if (isUnavailable(ex)) {
				throw new TaskStoreUnavailableException(
						"The task store's database cannot be reached (" + operation + "): " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	/**
	 * Whether {@code ex} says the database could not be reached, rather than that a
	 * statement failed.
	 */
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

	/**
	 * The persistence unit's {@code DataSource}: the one a Spring-built factory was
	 * given, else a non-JTA {@code DataSource} among the factory's properties.
	 */
	private static DataSource dataSource(EntityManagerFactory entityManagerFactory) {
		if (entityManagerFactory instanceof EntityManagerFactoryInfo info && info.getDataSource() != null) {
			return info.getDataSource();
		}
		for (String property : new String[] { "jakarta.persistence.nonJtaDataSource", "hibernate.connection.datasource",
				"javax.persistence.nonJtaDataSource" }) {
			if (entityManagerFactory.getProperties().get(property) instanceof DataSource dataSource) {
				return dataSource;
			}
		}
		throw new JpaTaskStoreSetupException(
				"The JPA task store runs its statements on the DataSource of the"
						+ " persistence unit, and its EntityManagerFactory exposes none",
				"Build the EntityManagerFactory with Spring (as Spring Boot does, or with"
						+ " LocalContainerEntityManagerFactoryBean), or give it a non-JTA DataSource"
						+ " (jakarta.persistence.nonJtaDataSource)",
				null);
	}

	private static void requireManagedEntity(EntityManagerFactory entityManagerFactory) {
		try {
			entityManagerFactory.getMetamodel().entity(TaskEntity.class);
		}
		catch (IllegalArgumentException ex) {
			throw new JpaTaskStoreSetupException(
					"The JPA task store needs the entity " + TaskEntity.class.getName()
							+ " in the persistence unit of its EntityManagerFactory, and it is not there",
					"With Spring Boot, the Flows auto-configuration adds it to the EntityManagerFactory Spring"
							+ " Boot builds; to one you build yourself, add the package " + ENTITY_PACKAGE
							+ " to its entity scan (packagesToScan, @EntityScan) or"
							+ " JpaTaskStore.persistenceUnitPostProcessor() to its persistence unit post-processors",
					ex);
		}
	}

}
