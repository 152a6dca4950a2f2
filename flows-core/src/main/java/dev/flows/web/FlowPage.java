package dev.flows.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.LinearTransition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.engine.Task;

/**
 * The {@code flow} model object of every page a flow renders: titles, progress, and where
 * the form, Back and Cancel post to. In Thymeleaf:
 *
 * <pre class="code">
 * &lt;h1 th:text="${flow.stepTitle}"&gt;&lt;/h1&gt;
 * &lt;ol&gt;&lt;li th:each="step : ${flow.progress}" th:class="${step.status}" th:text="${step.title}"&gt;&lt;/li&gt;&lt;/ol&gt;
 * &lt;form method="post" th:action="@{${flow.formAction}}"&gt; ... &lt;/form&gt;
 * &lt;form th:if="${flow.backAction}" method="post" th:action="@{${flow.backAction}}"&gt;&lt;button&gt;Back&lt;/button&gt;&lt;/form&gt;
 * </pre>
 *
 * The task id and version are added to every such form automatically (through Spring's
 * {@code RequestDataValueProcessor}); {@link #getHiddenFields()} lists them for other
 * template engines.
 */
public final class FlowPage {

	/** The model attribute name: {@code flow}. */
	public static final String MODEL_ATTRIBUTE = "flow";

	/**
	 * The message code of {@link #getRestartedMessage()}; define it in the application's
	 * {@code messages.properties} to word the notice your way.
	 */
	public static final String RESTARTED_MESSAGE_CODE = "flows.task.restarted";

	/**
	 * The notice shown when no message source defines {@link #RESTARTED_MESSAGE_CODE}.
	 */
	public static final String DEFAULT_RESTARTED_MESSAGE = "Your previous task has expired or could not be found,"
			+ " so a new one has started.";

	private final String flowTitle;

	private final String stepTitle;

	private final String taskId;

	private final String formAction;

	private final String backAction;

	private final String cancelAction;

	private final String submitLabel;

	private final boolean skippable;

	private final String restartedMessage;

	private final boolean completed;

	private final boolean inPlace;

	private final List<Step> progress;

	private final List<Step> topLevelProgress;

	private final Map<String, String> hiddenFields;

	private FlowPage(String flowTitle, String stepTitle, String taskId, String formAction, String backAction,
			String cancelAction, String submitLabel, boolean skippable, String restartedMessage, boolean completed,
			boolean inPlace, List<Step> progress, List<Step> topLevelProgress, Map<String, String> hiddenFields) {
		this.flowTitle = flowTitle;
		this.stepTitle = stepTitle;
		this.taskId = taskId;
		this.formAction = formAction;
		this.backAction = backAction;
		this.cancelAction = cancelAction;
		this.submitLabel = submitLabel;
		this.skippable = skippable;
		this.restartedMessage = restartedMessage;
		this.completed = completed;
		this.inPlace = inPlace;
		this.progress = progress;
		this.topLevelProgress = topLevelProgress;
		this.hiddenFields = hiddenFields;
	}

	/**
	 * @param restartedMessage the notice that the previous task was not found, or
	 * {@code null} when the page was not reached by a restart
	 * @param inPlace whether the answer is a fragment that htmx swaps in place
	 */
	static FlowPage of(FlowRequest request, FlowUrls urls, FlowWebSettings settings, String restartedMessage,
			boolean inPlace) {
		Task task = request.task();
		FlowDefinition flow = request.route().flow();
		Position position = request.route().position();
		ActionDefinition action = (position != null) ? request.route().action() : null;
		boolean persisted = task != null && task.isPersisted();
		Map<String, String> hidden = new LinkedHashMap<>();
		if (task != null) {
			// Before the first submit: the id the submit will store the task under, and
			// no version.
			hidden.put(settings.idParam(), task.id());
			if (persisted) {
				hidden.put(settings.versionParam(), Long.toString(task.version()));
			}
		}
		boolean completed = task != null && task.isCompleted();
		Position current = (task != null) ? task.position() : position;
		List<Position> history = (task != null) ? task.history() : List.of();
		return new FlowPage(flow.title(), (action != null) ? action.title() : flow.title(),
				persisted ? task.id() : null, (position != null) ? urls.step(flow, position, null) : null,
				(action != null && action.showBack() && task != null && task.canGoBack()) ? urls.back(flow) : null,
				(action != null && action.showCancel() && !completed) ? urls.cancel(flow) : null,
				(action != null) ? action.submitLabel() : null, action != null && action.skippable(), restartedMessage,
				completed, inPlace, steps(flow, innermostLinear(flow, current), current, history, completed),
				steps(flow, Position.ROOT, current, history, completed), Collections.unmodifiableMap(hidden));
	}

	private static Position innermostLinear(FlowDefinition flow, Position current) {
		if (current == null) {
			return Position.ROOT;
		}
		for (Position candidate : current.selfAndAncestors()) {
			if (flow.node(candidate).orElseThrow() instanceof ScaffoldDefinition scaffold
					&& scaffold.transition() instanceof LinearTransition) {
				return candidate;
			}
		}
		return Position.ROOT;
	}

	private static List<Step> steps(FlowDefinition flow, Position scaffoldPosition, Position current,
			List<Position> history, boolean completed) {
		List<Step> steps = new ArrayList<>();
		for (NodeDefinition child : flow.scaffold(scaffoldPosition).children()) {
			Position childPosition = scaffoldPosition.child(child.name());
			Step.Status status;
			if (completed) {
				status = Step.Status.DONE;
			}
			else if (current != null && current.startsWith(childPosition)) {
				status = Step.Status.CURRENT;
			}
			else if (history.stream().anyMatch((visited) -> visited.startsWith(childPosition))) {
				status = Step.Status.DONE;
			}
			else {
				status = Step.Status.TODO;
			}
			steps.add(new Step(child.title(), status));
		}
		return Collections.unmodifiableList(steps);
	}

	/** The flow's title. */
	public String getFlowTitle() {
		return this.flowTitle;
	}

	/** The step's title, for the page heading. */
	public String getStepTitle() {
		return this.stepTitle;
	}

	/** The task id, or {@code null} before the first submit. */
	public String getTaskId() {
		return this.taskId;
	}

	/** Where the step's form posts to (relative to the context path). */
	public String getFormAction() {
		return this.formAction;
	}

	/** Where the Back button posts to, or {@code null} when there is no Back. */
	public String getBackAction() {
		return this.backAction;
	}

	/** Where the Cancel button posts to, or {@code null} when there is no Cancel. */
	public String getCancelAction() {
		return this.cancelAction;
	}

	/** The submit button's label. */
	public String getSubmitLabel() {
		return this.submitLabel;
	}

	/** Whether to offer a Skip button: a submit button named {@link #getSkipParam()}. */
	public boolean isSkippable() {
		return this.skippable;
	}

	/** The name of the Skip button. */
	public String getSkipParam() {
		return FlowWebSettings.SKIP_PARAM;
	}

	/**
	 * Whether the user arrived here because the previous task expired or was not found
	 * (an old link, another user's id, a task of an older build that no longer fits).
	 * Flows only sets the flag; show {@link #getRestartedMessage()} where your layout has
	 * room for notices.
	 */
	public boolean isRestarted() {
		return this.restartedMessage != null;
	}

	/**
	 * The notice to show when {@link #isRestarted()}, else {@code null}: the message
	 * {@value #RESTARTED_MESSAGE_CODE} of the application's message source, in the
	 * request's locale, or {@link #DEFAULT_RESTARTED_MESSAGE}.
	 */
	public String getRestartedMessage() {
		return this.restartedMessage;
	}

	/** Whether the flow has completed (the completion page). */
	public boolean isCompleted() {
		return this.completed;
	}

	/**
	 * Whether this answer is the step's fragment, which htmx swaps in place (htmx support
	 * on, and a request from htmx), rather than a whole page. Mark out-of-band elements
	 * with {@code hx-swap-oob} only then, so that a whole page never carries the
	 * attribute: {@code th:attr="hx-swap-oob=${flow?.inPlace} ? 'true' : null"}.
	 */
	public boolean isInPlace() {
		return this.inPlace;
	}

	/**
	 * The steps of the innermost linear scaffold around the current step, for a progress
	 * indicator.
	 */
	public List<Step> getProgress() {
		return this.progress;
	}

	/** The flow's top-level steps, for a progress indicator. */
	public List<Step> getTopLevelProgress() {
		return this.topLevelProgress;
	}

	/** The hidden fields every form of the page needs: task id and version. */
	public Map<String, String> getHiddenFields() {
		return this.hiddenFields;
	}

	/**
	 * One entry of a progress indicator.
	 *
	 * @param title the step's title
	 * @param status done, current, or still to do
	 */
	public record Step(String title, Status status) {

		/** Where the user is relative to a step. */
		public enum Status {

			/** Passed. */
			DONE,
			/** Here now. */
			CURRENT,
			/** Not reached yet. */
			TODO;

			/** Lower-case name, handy as a CSS class. */
			@Override
			public String toString() {
				return name().toLowerCase(java.util.Locale.ROOT);
			}

		}

	}

}
