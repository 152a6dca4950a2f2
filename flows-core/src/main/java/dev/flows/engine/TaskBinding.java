package dev.flows.engine;

/**
 * Ties tasks to whoever started them, as seen by one request: the front end's side of the
 * rule that a task id copied to another browser, or guessed, leads nowhere. The web layer
 * adapts its {@code TaskBinder} to this for each request.
 */
public interface TaskBinding {

	/** No binding: anyone with the id may continue the task. */
	TaskBinding NONE = new TaskBinding() {

		@Override
		public String bind() {
			return "";
		}

		@Override
		public boolean matches(String binding) {
			return true;
		}

	};

	/**
	 * The binding to store with a task this request creates; may set a cookie or create a
	 * session.
	 */
	String bind();

	/**
	 * The binding an entry page sets up ahead of the flow's first submit, or {@code null}
	 * when that would cost more than a page view should; {@link #bind()} by default.
	 */
	default String prepare() {
		return bind();
	}

	/**
	 * Whether this request comes from whoever holds {@code binding}; must not create
	 * anything.
	 */
	boolean matches(String binding);

}
