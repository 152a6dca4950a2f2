package dev.flows.test;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.engine.TaskNotFoundException;
import dev.flows.state.TaskState;
import dev.flows.web.FlowPage;
import org.assertj.core.api.AssertProvider;

import org.springframework.context.NoSuchMessageException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The page a {@link FlowsMockMvc} request ended on, after following its redirects: its
 * address, status and HTML, and for a page of a flow, the step it shows (from the
 * {@code flow} model attribute, {@link FlowPage}), the validation errors of its forms,
 * and the task behind it.
 * <p>
 * {@code assertThat(page)} (AssertJ's) gives a {@link FlowPageAssert}.
 */
public final class FlowsPage implements AssertProvider<FlowPageAssert> {

	private final MvcResult result;

	private final String uri;

	private final WebApplicationContext context;

	private final FlowPage flow;

	private final FlowDefinition flowDefinition;

	private final Position step;

	private List<HtmlForm> forms;

	FlowsPage(MvcResult result, String uri) {
		this.result = result;
		this.uri = uri;
		this.context = RequestContextUtils.findWebApplicationContext(result.getRequest());
		ModelAndView modelAndView = result.getModelAndView();
		Object flow = (modelAndView != null) ? modelAndView.getModel().get(FlowPage.MODEL_ATTRIBUTE) : null;
		this.flow = (flow instanceof FlowPage page) ? page : null;
		String formAction = (this.flow != null) ? this.flow.getFormAction() : null;
		FlowDefinition definition = null;
		Position position = null;
		if (this.flow != null && this.context != null) {
			String path = (formAction != null) ? formAction : HtmlForm.pathOf(uri);
			definition = flowAt(path);
			if (definition != null && formAction != null && formAction.length() > definition.path().length() + 1) {
				position = Position.parse(formAction.substring(definition.path().length() + 1));
			}
		}
		this.flowDefinition = definition;
		this.step = position;
	}

	/** The flow whose path is the longest prefix of {@code path}. */
	private FlowDefinition flowAt(String path) {
		FlowDefinition found = null;
		for (FlowDefinition candidate : engine().registry().flows()) {
			String flowPath = candidate.path();
			if ((path.equals(flowPath) || path.startsWith(flowPath + "/"))
					&& (found == null || flowPath.length() > found.path().length())) {
				found = candidate;
			}
		}
		return found;
	}

	/** The address of the page, from the path on, with its query string. */
	public String uri() {
		return this.uri;
	}

	/** The path of the page, without the query string. */
	public String path() {
		return HtmlForm.pathOf(this.uri);
	}

	/** The HTTP status of the page. */
	public int status() {
		return this.result.getResponse().getStatus();
	}

	/** The page as it was sent, or an empty string when the answer had no body. */
	public String html() {
		MockHttpServletResponse response = this.result.getResponse();
		try {
			return (response.getCharacterEncoding() != null) ? response.getContentAsString()
					: response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("The page of " + this.uri + " has an unknown encoding", ex);
		}
	}

	/** What a person reads on the page: its text without tags, blanks collapsed. */
	public String text() {
		return HtmlForm.text(html());
	}

	/** The last request and its answer, for anything the kit does not offer. */
	public MvcResult mvcResult() {
		return this.result;
	}

	/** The model of the page, empty when nothing was rendered from a model. */
	public Map<String, Object> model() {
		ModelAndView modelAndView = this.result.getModelAndView();
		return (modelAndView != null) ? Collections.unmodifiableMap(modelAndView.getModel()) : Map.of();
	}

	/**
	 * The {@code flow} model attribute of a page a flow rendered (a step or a completion
	 * page), else {@code null}.
	 */
	public FlowPage flowPage() {
		return this.flow;
	}

	/** The flow the page belongs to, or {@code null} for a page of no flow. */
	public FlowDefinition flow() {
		return this.flowDefinition;
	}

	/**
	 * The step the page shows, as its path in the flow ({@code "account/login"}: the
	 * names of the scaffolds and the action, as in the step's URL), or {@code null} when
	 * the page is no step of a flow (a completion page, a page of the application).
	 */
	public String step() {
		return (this.step != null) ? this.step.toString() : null;
	}

	/** The action the page shows, or {@code null} when it is no step of a flow. */
	public ActionDefinition action() {
		return (this.step != null) ? this.flowDefinition.action(this.step).orElse(null) : null;
	}

	/** The step's title, or {@code null} for a page of no flow. */
	public String stepTitle() {
		return (this.flow != null) ? this.flow.getStepTitle() : null;
	}

	/** Whether the page is a flow's completion page. */
	public boolean isCompletionPage() {
		return this.flow != null && this.flow.isCompleted();
	}

	/**
	 * The id of the task the page belongs to, or {@code null} on a page of no flow and on
	 * a flow's entry page (no task exists before its first submit).
	 */
	public String taskId() {
		return (this.flow != null) ? this.flow.getTaskId() : null;
	}

	/**
	 * The task the page belongs to, as it is stored now.
	 * @throws AssertionError if the page belongs to no stored task, or the task is gone
	 */
	public Task task() {
		String id = taskId();
		if (id == null) {
			throw new AssertionError("The page " + this.uri + " belongs to no stored task" + ((this.flow != null)
					? " (the entry page of a flow: its task is stored by the first submit)" : ""));
		}
		return FlowsPage.load(engine(), id);
	}

	/** The state of {@link #task()}. */
	public TaskState state() {
		return task().state();
	}

	static Task load(FlowEngine engine, String id) {
		try {
			return engine.load(id);
		}
		catch (TaskNotFoundException ex) {
			throw new AssertionError("Task " + id + " is not stored (any more): " + ex.getMessage(), ex);
		}
	}

	FlowEngine engine() {
		if (this.context == null) {
			throw new AssertionError("No web application context found for " + this.uri
					+ "; build the MockMvc with MockMvcBuilders.webAppContextSetup(...) or @AutoConfigureMockMvc");
		}
		try {
			return this.context.getBean(FlowEngine.class);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("The application has no FlowEngine bean (is Flows configured?)", ex);
		}
	}

	/**
	 * What the field {@code name} of the page would send as the page shows it: the text
	 * in it, the checked boxes of a group, the selected options; the first form that has
	 * such a field is read.
	 * @throws AssertionError if no form of the page has that field
	 */
	public List<String> fieldValues(String name) {
		for (HtmlForm form : forms()) {
			if (form.hasField(name)) {
				return form.controls()
					.stream()
					.filter((control) -> control.name().equals(name))
					.flatMap((control) -> control.values().stream())
					.toList();
			}
		}
		throw new AssertionError("No field '" + name + "' on " + describe());
	}

	/**
	 * The first of {@link #fieldValues(String)}, or {@code null} when the field would
	 * send nothing (nothing checked).
	 */
	public String fieldValue(String name) {
		List<String> values = fieldValues(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/** Every validation error of the page's forms (every binding result in its model). */
	public List<ObjectError> errors() {
		List<ObjectError> errors = new ArrayList<>();
		for (Object value : model().values()) {
			if (value instanceof BindingResult bindingResult) {
				errors.addAll(bindingResult.getAllErrors());
			}
		}
		return errors;
	}

	/**
	 * The messages of the errors of the field {@code field} (of any form of the page),
	 * worded by the application's message source in the request's locale.
	 */
	public List<String> fieldErrors(String field) {
		return errors().stream()
			.filter((error) -> error instanceof FieldError fieldError && fieldError.getField().equals(field))
			.map(this::message)
			.toList();
	}

	/** The messages of the errors that belong to no field. */
	public List<String> globalErrors() {
		return errors().stream().filter((error) -> !(error instanceof FieldError)).map(this::message).toList();
	}

	String message(ObjectError error) {
		if (this.context != null) {
			try {
				Locale locale = this.result.getRequest().getLocale();
				return this.context.getMessage(error, locale);
			}
			catch (NoSuchMessageException ex) {
				// Then the default message, as the page would show it.
			}
		}
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : error.getCode();
	}

	/** The errors, one per line, for failure messages. */
	String describeErrors() {
		StringBuilder text = new StringBuilder();
		for (ObjectError error : errors()) {
			text.append("\n  ")
				.append((error instanceof FieldError fieldError) ? fieldError.getField() + ": " : "(global): ")
				.append(message(error));
		}
		return text.toString();
	}

	List<HtmlForm> forms() {
		if (this.forms == null) {
			this.forms = HtmlForm.parse(html(), this.uri);
		}
		return this.forms;
	}

	/** What the page is, for failure messages. */
	String describe() {
		StringBuilder text = new StringBuilder();
		text.append(this.uri).append(" (status ").append(status());
		if (this.step != null) {
			text.append(", step '").append(this.step).append("'");
		}
		else if (isCompletionPage()) {
			text.append(", the completion page of ").append(this.flowDefinition);
		}
		text.append(")");
		return text.toString();
	}

	@Override
	public FlowPageAssert assertThat() {
		return new FlowPageAssert(this);
	}

	@Override
	public String toString() {
		return describe();
	}

}
