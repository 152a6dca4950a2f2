package dev.flows.store.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.util.ClassUtils;

/**
 * The SQL of {@link JpaTaskStore#claim}, {@link JpaTaskStore#insertClaimed} and
 * {@link JpaTaskStore#deleteExpired}, which differs between databases: where the database
 * can return the row an UPDATE changed, claiming a task and loading it is one statement;
 * where it can skip an INSERT of an existing key, a duplicate first submit costs no
 * exception (an exception would be logged by the JDBC layer, and on some databases would
 * spoil the caller's transaction); where it can limit a DELETE, a batch of the cleanup is
 * one statement.
 * <p>
 * Parameters, in order: the claim takes the token, the claim's lapse, the id, the version
 * and now; the insert takes the columns {@link TaskEntity#RECORD_COLUMNS}, the token and
 * the lapse, then the id again where {@link #insertClaimedRepeatsId()}; the cleanup's
 * DELETE takes now and the batch size.
 */
final class ClaimStatements {

	/** A claim succeeds on the expected version when no claim is live at {@code now}. */
	private static final String CLAIM = "update flows_task set claim_token = ?, claimed_until = ?"
			+ " where id = ? and version = ? and (claimed_until is null or claimed_until <= ?)";

	private static final String INSERT = "insert into flows_task (" + TaskEntity.RECORD_COLUMNS
			+ ", claim_token, claimed_until)";

	private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

	/** The columns that tell which expired task was removed. */
	static final String EXPIRED_COLUMNS = "id, flow, position, status, expires_at";

	/**
	 * PostgreSQL: {@code UPDATE ... RETURNING},
	 * {@code INSERT ... ON CONFLICT DO NOTHING}, and a DELETE of the oldest expired rows
	 * that skips rows another cleaner has locked. The rows are deleted by their physical
	 * address ({@code ctid}), which cannot change while the subquery holds their locks:
	 * no second lookup through the primary key (about twice as fast as
	 * {@code id in (...)}).
	 */
	static final ClaimStatements POSTGRESQL = new ClaimStatements("postgresql",
			CLAIM + " returning " + TaskEntity.RECORD_COLUMNS, true,
			INSERT + " values (" + VALUES + ") on conflict (id) do nothing", false,
			"delete from flows_task where ctid = any (array (select ctid from flows_task where expires_at <= ?"
					+ " order by expires_at limit ? for update skip locked))");

	/**
	 * H2: {@code SELECT ... FROM FINAL TABLE (UPDATE ...)}, an INSERT that selects
	 * nothing when the id exists (two inserts of one id at the same instant still meet
	 * the primary key), and a DELETE limited by {@code FETCH FIRST}.
	 */
	static final ClaimStatements H2 = new ClaimStatements("h2",
			"select " + TaskEntity.RECORD_COLUMNS + " from final table (" + CLAIM + ")", true,
			INSERT + " select " + VALUES + " where not exists (select 1 from flows_task where id = ?)", true,
			"delete from flows_task where expires_at <= ? fetch first ? rows only");

	/**
	 * Any other database: the claim is an UPDATE, and the row is read by a SELECT in the
	 * same transaction; an INSERT of an existing id meets the primary key; the cleanup
	 * reads ids, then deletes those still expired.
	 */
	static final ClaimStatements STANDARD = new ClaimStatements("standard", CLAIM, false,
			INSERT + " values (" + VALUES + ")", false, null);

	private static final boolean HIBERNATE_PRESENT = ClassUtils
		.isPresent("org.hibernate.engine.spi.SessionFactoryImplementor", ClaimStatements.class.getClassLoader());

	private final String name;

	private final String claim;

	private final boolean claimReturnsRow;

	private final String insertClaimed;

	private final boolean insertClaimedRepeatsId;

	private final String deleteExpired;

	private ClaimStatements(String name, String claim, boolean claimReturnsRow, String insertClaimed,
			boolean insertClaimedRepeatsId, String deleteExpired) {
		this.name = name;
		this.claim = claim;
		this.claimReturnsRow = claimReturnsRow;
		this.insertClaimed = insertClaimed;
		this.insertClaimedRepeatsId = insertClaimedRepeatsId;
		this.deleteExpired = deleteExpired;
	}

	/**
	 * The statements for the database behind {@code entityManagerFactory}, as its JPA
	 * provider knows it: Hibernate resolves its dialect when the factory is built, so
	 * this opens no connection. Other providers get {@link #STANDARD}.
	 */
	static ClaimStatements of(EntityManagerFactory entityManagerFactory) {
		if (!HIBERNATE_PRESENT) {
			return STANDARD;
		}
		try {
			return HibernateDatabase.statements(entityManagerFactory);
		}
		catch (PersistenceException | IllegalArgumentException ex) {
			// not Hibernate's factory after all
			return STANDARD;
		}
	}

	/** An UPDATE that claims the row, and returns it where {@link #claimReturnsRow()}. */
	String claim() {
		return this.claim;
	}

	/** Whether {@link #claim()} returns the claimed row (else it returns a row count). */
	boolean claimReturnsRow() {
		return this.claimReturnsRow;
	}

	/**
	 * An INSERT of a claimed row that changes nothing, or fails on the primary key, if
	 * the id exists.
	 */
	String insertClaimed() {
		return this.insertClaimed;
	}

	/**
	 * {@link #deleteExpired()} answering the rows it deleted ({@link #EXPIRED_COLUMNS}),
	 * or {@code null} where the database cannot.
	 */
	String removeExpired() {
		if (this == POSTGRESQL) {
			return this.deleteExpired + " returning " + EXPIRED_COLUMNS;
		}
		if (this == H2) {
			return "select " + EXPIRED_COLUMNS + " from old table (" + this.deleteExpired + ")";
		}
		return null;
	}

	/** Whether {@link #insertClaimed()} takes the id again after the claim's lapse. */
	boolean insertClaimedRepeatsId() {
		return this.insertClaimedRepeatsId;
	}

	/**
	 * One DELETE of at most a batch of expired rows (parameters: now, the batch size), or
	 * {@code null} where the database has none: then the ids are read first.
	 */
	String deleteExpired() {
		return this.deleteExpired;
	}

	/**
	 * Whether {@link #insertClaimed()} can fail on the primary key: always on databases
	 * without a skipping INSERT, on H2 when two inserts of one id meet; never on
	 * PostgreSQL.
	 */
	boolean insertClaimedMayMeetTheKey() {
		return this != POSTGRESQL;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/** Kept apart so that Hibernate's classes are only loaded when Hibernate is there. */
	private static final class HibernateDatabase {

		static ClaimStatements statements(EntityManagerFactory entityManagerFactory) {
			Dialect dialect = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
				.getJdbcServices()
				.getDialect();
			if (dialect instanceof PostgreSQLDialect) {
				return POSTGRESQL;
			}
			if (dialect instanceof H2Dialect) {
				return H2;
			}
			return STANDARD;
		}

	}

}
