package dev.flows.autoconfigure;

import dev.flows.store.jpa.JpaTaskStoreSetupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a JPA task store that cannot work with the application's
 * {@code EntityManagerFactory} (it lacks the task entity, or exposes no
 * {@code DataSource}) as Spring Boot's "APPLICATION FAILED TO START" report, whether the
 * auto-configuration or the application created the store. Loading it loads no JPA class:
 * the exception is Flows' own.
 */
final class JpaTaskStoreFailureAnalyzer extends AbstractFailureAnalyzer<JpaTaskStoreSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JpaTaskStoreSetupException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
