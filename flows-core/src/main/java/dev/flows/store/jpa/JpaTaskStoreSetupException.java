package dev.flows.store.jpa;

import dev.flows.FlowException;

/**
 * A {@link JpaTaskStore} cannot work with the {@code EntityManagerFactory} it was given.
 * The message says what is missing and what to do; {@link #getDescription()} and
 * {@link #getAction()} give the two parts apart, for Spring Boot's startup failure
 * report.
 */
public class JpaTaskStoreSetupException extends FlowException {

	/** What is missing from the {@code EntityManagerFactory}. */
	private final String description;

	/** What gives the store what it needs. */
	private final String action;

	JpaTaskStoreSetupException(String description, String action, Throwable cause) {
		super(description + ": " + action, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * What is missing from the {@code EntityManagerFactory}.
	 * @return the description, naming the classes concerned
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * What gives the store what it needs.
	 * @return the fix
	 */
	public String getAction() {
		return this.action;
	}

}
