package dev.flows.test;

import java.util.List;
import java.util.Objects;

import dev.flows.definition.ActionDefinition;
import dev.flows.engine.Task;
import dev.flows.state.TaskState;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the page a {@link FlowsMockMvc} is on: which step it shows, its
 * validation errors, its text, and the task behind it. Get one with AssertJ's
 * {@code assertThat(browser)} or {@code assertThat(browser.page())}.
 * <p>
 * A failure says where the browser is and, when the page has validation errors, lists
 * them: a submit that stayed on its step usually failed validation.
 */
public final class FlowPageAssert extends AbstractAssert<FlowPageAssert, FlowsPage> {

	private final FlowsMockMvc browser;

	FlowPageAssert(FlowsPage page) {
		this(page, null);
	}

	FlowPageAssert(FlowsPage page, FlowsMockMvc browser) {
		super(page, FlowPageAssert.class);
		this.browser = browser;
	}

	/**
	 * The page shows the step at {@code step}, its path in the flow as in its URL
	 * ({@code "account/login"}).
	 */
	public FlowPageAssert isAtStep(String step) {
		isNotNull();
		if (!Objects.equals(this.actual.step(), step)) {
			failWithMessage("Expected to be at step '%s' but was at %s%s", step, where(), errorsHint());
		}
		return this;
	}

	/** The page shows the step of the action class {@code action}. */
	public FlowPageAssert isAtStep(Class<?> action) {
		isNotNull();
		ActionDefinition shown = this.actual.action();
		if (shown == null || !action.isAssignableFrom(shown.type())) {
			failWithMessage("Expected to be at the step of %s but was at %s%s", action.getSimpleName(), where(),
					errorsHint());
		}
		return this;
	}

	/** The page's step title ({@code @FlowAction(title)}) is {@code title}. */
	public FlowPageAssert hasStepTitle(String title) {
		isNotNull();
		if (!Objects.equals(this.actual.stepTitle(), title)) {
			failWithMessage("Expected the step title '%s' but was '%s' on %s", title, this.actual.stepTitle(), where());
		}
		return this;
	}

	/**
	 * The page is the flow's completion page ({@code @Flow(onComplete)}), or the task the
	 * browser worked on is completed (a flow that completes with a redirect).
	 */
	public FlowPageAssert isCompleted() {
		isNotNull();
		if (this.actual.isCompletionPage()) {
			return this;
		}
		if (this.actual.flowPage() == null) {
			try {
				if (task().isCompleted()) {
					return this;
				}
			}
			catch (AssertionError none) {
				// No task, or not stored: not completed either.
			}
		}
		failWithMessage("Expected the flow to be completed but was at %s%s", where(), errorsHint());
		return this;
	}

	/**
	 * The page is a flow's first step shown with the notice that the previous task was
	 * not found (unknown, expired, another user's).
	 */
	public FlowPageAssert isRestarted() {
		isNotNull();
		if (this.actual.flowPage() == null || !this.actual.flowPage().isRestarted()) {
			failWithMessage("Expected a restarted flow but was at %s", where());
		}
		return this;
	}

	/** The page is at {@code path} (without query string), such as a cancel page. */
	public FlowPageAssert hasPath(String path) {
		isNotNull();
		if (!this.actual.path().equals(path)) {
			failWithMessage("Expected the path %s but was at %s", path, where());
		}
		return this;
	}

	/** The page was answered with {@code status}. */
	public FlowPageAssert hasStatus(int status) {
		isNotNull();
		if (this.actual.status() != status) {
			failWithMessage("Expected status %s but was at %s", status, where());
		}
		return this;
	}

	/** What a person reads on the page contains {@code text}. */
	public FlowPageAssert containsText(String text) {
		isNotNull();
		String shown = this.actual.text();
		if (!shown.contains(text)) {
			failWithMessage("Expected the page %s to show '%s' but it shows:%n%s", where(), text, shown);
		}
		return this;
	}

	/**
	 * The field {@code name} shows {@code values}: the text in it, or the boxes checked,
	 * the options selected (see {@link FlowsPage#fieldValues(String)}).
	 */
	public FlowPageAssert hasFieldValue(String name, String... values) {
		isNotNull();
		List<String> shown = this.actual.fieldValues(name);
		if (!shown.equals(List.of(values))) {
			failWithMessage("Expected the field '%s' to show %s but it shows %s on %s", name, List.of(values), shown,
					where());
		}
		return this;
	}

	/** The page shows no validation error. */
	public FlowPageAssert hasNoErrors() {
		isNotNull();
		if (!this.actual.errors().isEmpty()) {
			failWithMessage("Expected no validation errors on %s but found:%s", where(), this.actual.describeErrors());
		}
		return this;
	}

	/** The field {@code field} of a form of the page has a validation error. */
	public FlowPageAssert hasFieldError(String field) {
		isNotNull();
		if (this.actual.fieldErrors(field).isEmpty()) {
			failWithMessage("Expected an error on field '%s' of %s but found %s", field, where(), errorsOrNone());
		}
		return this;
	}

	/**
	 * The field {@code field} has the error {@code message}, worded as the page words it
	 * (the application's message source).
	 */
	public FlowPageAssert hasFieldError(String field, String message) {
		isNotNull();
		List<String> messages = this.actual.fieldErrors(field);
		if (!messages.contains(message)) {
			failWithMessage("Expected the error '%s' on field '%s' of %s but found %s", message, field, where(),
					errorsOrNone());
		}
		return this;
	}

	/**
	 * An error that belongs to no field ({@code errors.reject(...)}) reads
	 * {@code message}.
	 */
	public FlowPageAssert hasGlobalError(String message) {
		isNotNull();
		if (!this.actual.globalErrors().contains(message)) {
			failWithMessage("Expected the error '%s' on %s but found %s", message, where(), errorsOrNone());
		}
		return this;
	}

	/** The task's state holds {@code key}. */
	public FlowPageAssert hasStateKey(String key) {
		isNotNull();
		TaskState state = task().state();
		if (!state.contains(key)) {
			failWithMessage("Expected the task's state to hold '%s' but it holds %s (at %s)", key, state.keys(),
					where());
		}
		return this;
	}

	/** The task's state does not hold {@code key}. */
	public FlowPageAssert doesNotHaveStateKey(String key) {
		isNotNull();
		TaskState state = task().state();
		if (state.contains(key)) {
			failWithMessage("Expected the task's state not to hold '%s' but it does (at %s)", key, where());
		}
		return this;
	}

	/**
	 * The task's state holds {@code expected} under {@code key}, read back as the type of
	 * {@code expected}.
	 */
	public FlowPageAssert hasState(String key, Object expected) {
		isNotNull();
		TaskState state = task().state();
		Object value = state.contains(key) ? state.get(key, expected.getClass()) : null;
		if (!expected.equals(value)) {
			failWithMessage("Expected the task's state to hold %s under '%s' but it holds %s (keys %s, at %s)",
					expected, key, value, state.keys(), where());
		}
		return this;
	}

	private Task task() {
		return (this.browser != null) ? this.browser.task() : this.actual.task();
	}

	private String where() {
		return this.actual.describe();
	}

	private String errorsHint() {
		String errors = this.actual.describeErrors();
		return errors.isEmpty() ? "" : ", which shows validation errors:" + errors;
	}

	private String errorsOrNone() {
		String errors = this.actual.describeErrors();
		return errors.isEmpty() ? "no validation errors" : "these:" + errors;
	}

}
