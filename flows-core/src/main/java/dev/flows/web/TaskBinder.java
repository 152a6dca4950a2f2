package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ties a task to whoever started it, so that a task id copied to another browser or guessed leads
 * nowhere. Chosen with {@code flows.binder.type}; declare a bean to use your own.
 */
public interface TaskBinder {

	/**
	 * The binding to store with a new task. May create a session or set a cookie on
	 * {@code response}.
	 */
	String bind(HttpServletRequest request, HttpServletResponse response);

	/** Whether the request comes from whoever holds {@code binding}. Must not create anything. */
	boolean matches(HttpServletRequest request, String binding);

	/** No binding: anyone who has the id may continue the task. */
	TaskBinder NONE = new TaskBinder() {

		@Override
		public String bind(HttpServletRequest request, HttpServletResponse response) {
			return "";
		}

		@Override
		public boolean matches(HttpServletRequest request, String binding) {
			return true;
		}

		@Override
		public String toString() {
			return "none";
		}

	};

}
