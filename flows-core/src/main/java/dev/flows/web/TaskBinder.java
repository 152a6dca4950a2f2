package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ties a task to whoever started it, so that a task id copied to another browser or
 * guessed leads nowhere. Chosen with {@code flows.binder.type}; declare a bean to use
 * your own.
 */
public interface TaskBinder {

	/**
	 * The binding to store with a new task. May create a session or set a cookie on
	 * {@code response}.
	 */
	String bind(HttpServletRequest request, HttpServletResponse response);

	/**
	 * Whether the request comes from whoever holds {@code binding}. Must not create
	 * anything.
	 */
	boolean matches(HttpServletRequest request, String binding);

	/**
	 * The binding a flow's entry page sets up ahead of its first submit, so that copies
	 * of that submit sent before its answer arrives (a double click) carry the same
	 * binding; {@code null} when setting it up would cost the server something a page
	 * view should not (a new HTTP session, which a crawler would also get, and whose id a
	 * servlet container may then write into the page's URLs). The first submit binds the
	 * task in any case.
	 */
	default String prepare(HttpServletRequest request, HttpServletResponse response) {
		return bind(request, response);
	}

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
