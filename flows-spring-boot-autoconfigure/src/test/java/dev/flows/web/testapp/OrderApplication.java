package dev.flows.web.testapp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;

import dev.flows.engine.TaskTransitionedEvent;
import dev.flows.store.memory.InMemoryTaskStore;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the web tests run: the order flow, Spring Security with form login and
 * CSRF, a task store that counts its calls and can be switched off, and a clock the tests
 * move.
 */
@SpringBootApplication
public class OrderApplication {

	@Bean
	CountingTaskStore taskStore() {
		return new CountingTaskStore(new InMemoryTaskStore());
	}

	@Bean
	TransitionEvents transitionEvents() {
		return new TransitionEvents();
	}

	/** Records every {@link TaskTransitionedEvent} the application publishes. */
	public static final class TransitionEvents {

		public final java.util.List<TaskTransitionedEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@org.springframework.context.event.EventListener
		void on(TaskTransitionedEvent event) {
			this.received.add(event);
		}

	}

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}secret").roles("USER").build());
	}

	/** A clock the tests move forward. */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
