package dev.flows.store.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A DataSource that counts the statements prepared or created on its connections, whoever
 * prepares them (the store, Hibernate, Spring), and the transactions begun on them, so
 * that tests can say what an operation costs.
 */
final class CountingDataSource extends DelegatingDataSource {

	private final AtomicLong statements = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	CountingDataSource(DataSource target) {
		super(target);
	}

	/** Statements prepared or created since the last {@link #clear()}. */
	long statements() {
		return this.statements.get();
	}

	/**
	 * Transactions begun ({@code setAutoCommit(false)}) since the last {@link #clear()}.
	 */
	long transactions() {
		return this.transactions.get();
	}

	void clear() {
		this.statements.set(0);
		this.transactions.set(0);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return counting(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return counting(super.getConnection(username, password));
	}

	private Connection counting(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.startsWith("prepare") || name.equals("createStatement")) {
				this.statements.incrementAndGet();
			}
			if (name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
				this.transactions.incrementAndGet();
			}
			if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
				return proxy;
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

}
