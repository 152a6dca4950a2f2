package dev.flows.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import dev.flows.engine.Task;
import dev.flows.state.TaskState;
import dev.flows.web.FlowPage;
import org.assertj.core.api.AssertProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

/**
 * A browser for tests of your flows, over {@link MockMvc}: it opens a flow, fills the
 * current step's form by field name, submits it with the hidden fields the page carries
 * (the task id and version, Spring Security's CSRF token), follows the redirects, and
 * keeps the HTTP session and cookies between requests.
 *
 * <pre class="code">
 * FlowsMockMvc browser = FlowsMockMvc.of(mvc);
 * browser.start("/buy").fill("quantity", "2").submit();
 * assertThat(browser).isAtStep("account/login");
 * assertThat(browser.state().contains("item")).isTrue();
 * </pre>
 *
 * {@code assertThat(browser)} (AssertJ's) asserts on the current page: see
 * {@link FlowPageAssert}. Not thread-safe: one per test.
 */
public final class FlowsMockMvc implements AssertProvider<FlowPageAssert> {

	private static final int MAX_REDIRECTS = 20;

	private final MockMvc mvc;

	private final List<RequestPostProcessor> postProcessors = new ArrayList<>();

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	private final Map<String, List<String>> filled = new LinkedHashMap<>();

	private MockHttpSession session;

	private FlowsPage page;

	private String lastTaskId;

	/** The last form sent: its method, action and data, for {@link #resubmit()}. */
	private Submission lastSubmission;

	private FlowsMockMvc(MockMvc mvc) {
		this.mvc = Objects.requireNonNull(mvc, "mvc");
	}

	/**
	 * A browser without a session or cookies yet, over {@code mvc}, which must be built
	 * on the application's web context ({@code @AutoConfigureMockMvc}, or
	 * {@code MockMvcBuilders.webAppContextSetup(context)}).
	 */
	public static FlowsMockMvc of(MockMvc mvc) {
		return new FlowsMockMvc(mvc);
	}

	/**
	 * Applies {@code postProcessor} to every request from now on, for example Spring
	 * Security's {@code user("alice")}. The CSRF token needs none: it is taken from the
	 * page, like the task id.
	 */
	public FlowsMockMvc with(RequestPostProcessor postProcessor) {
		this.postProcessors.add(Objects.requireNonNull(postProcessor, "postProcessor"));
		return this;
	}

	/**
	 * Opens a flow (its path, such as {@code "/buy"}, with query parameters if its first
	 * step reads some) and follows the redirects to the step it shows.
	 * @throws AssertionError if the page reached is no step of a flow
	 */
	public FlowsMockMvc start(String flowPath) {
		open(flowPath);
		if (this.page.step() == null) {
			throw new AssertionError("Expected a step of a flow at " + flowPath + " but got " + this.page.describe()
					+ bodyHint(this.page));
		}
		return this;
	}

	/**
	 * Opens any page of the application (a GET), following redirects. The browser keeps
	 * its session and cookies, but no longer works on the task it worked on.
	 */
	public FlowsMockMvc open(String uri) {
		this.filled.clear();
		this.lastTaskId = null;
		send(HttpMethod.GET, uri, null);
		return this;
	}

	/**
	 * Fills the field {@code name} of the current page with {@code values}: one for a
	 * text field, a radio button group or a select; several for a checkbox group or a
	 * multiple select; none to send nothing (an unchecked checkbox). Values are not
	 * checked against the options a page offers, so a test may send what a browser would
	 * not.
	 * @throws AssertionError if no form of the page has a field of that name
	 */
	public FlowsMockMvc fill(String name, String... values) {
		Objects.requireNonNull(name, "name");
		List<HtmlForm> forms = page().forms();
		if (forms.stream().noneMatch((form) -> form.hasField(name))) {
			throw new AssertionError("No field '" + name + "' on " + this.page.describe() + "; " + describeForms());
		}
		this.filled.put(name, List.of(values));
		return this;
	}

	/**
	 * Submits the step's form: the first form posting to the step's address that has
	 * every filled field (when nothing is filled, the first with a field someone would
	 * see), as its first submit button would, then follows the redirects.
	 * @throws AssertionError if the page has no such form
	 */
	public FlowsMockMvc submit() {
		HtmlForm form = stepForm();
		return submit(form, form.firstButton());
	}

	/**
	 * Presses the submit button labelled {@code label} (the text of a {@code button}, the
	 * value of an {@code input}) or named {@code label}: its form is submitted with the
	 * button's own name and value, as a browser does. The first such button of the page
	 * is pressed.
	 * @throws AssertionError if the page has no such button, or a filled field is not in
	 * its form
	 */
	public FlowsMockMvc press(String label) {
		for (HtmlForm form : page().forms()) {
			for (HtmlForm.Button button : form.buttons()) {
				if (button.matches(label)) {
					return submit(form, button);
				}
			}
		}
		throw new AssertionError("No button '" + label + "' on " + this.page.describe() + "; " + describeForms());
	}

	/**
	 * Presses the step's Back button (its form posts to
	 * {@link FlowPage#getBackAction()}).
	 * @throws AssertionError if the step offers no Back
	 */
	public FlowsMockMvc back() {
		FlowPage flow = flowPage("Back");
		if (flow.getBackAction() == null) {
			throw new AssertionError("The step of " + this.page.describe() + " offers no Back (the first step,"
					+ " or @FlowAction(showBack = false))");
		}
		return postTo(flow.getBackAction(), "Back");
	}

	/**
	 * Presses the step's Cancel button (its form posts to
	 * {@link FlowPage#getCancelAction()}).
	 * @throws AssertionError if the step offers no Cancel
	 */
	public FlowsMockMvc cancel() {
		FlowPage flow = flowPage("Cancel");
		if (flow.getCancelAction() == null) {
			throw new AssertionError("The step of " + this.page.describe()
					+ " offers no Cancel (@FlowAction(showCancel = false), or a completed task)");
		}
		return postTo(flow.getCancelAction(), "Cancel");
	}

	/**
	 * Presses the Skip button of a skippable step
	 * ({@code @FlowAction(skippable = true)}).
	 * @throws AssertionError if the step is not skippable
	 */
	public FlowsMockMvc skip() {
		FlowPage flow = flowPage("Skip");
		if (!flow.isSkippable()) {
			throw new AssertionError("The step of " + this.page.describe() + " is not skippable");
		}
		return press(flow.getSkipParam());
	}

	/**
	 * Sends the last submitted form again, exactly as it was sent (the same task
	 * version): a double click, or an old tab's form posted once more. Flows never runs
	 * the step twice; the browser lands wherever the task is now.
	 * @throws AssertionError if nothing was submitted yet
	 */
	public FlowsMockMvc resubmit() {
		if (this.lastSubmission == null) {
			throw new AssertionError("Nothing was submitted yet");
		}
		this.filled.clear();
		send(this.lastSubmission.method(), this.lastSubmission.action(), this.lastSubmission.data());
		return this;
	}

	/** The page the last request ended on. */
	public FlowsPage page() {
		if (this.page == null) {
			throw new AssertionError("No page yet: start(...) a flow or open(...) a page first");
		}
		return this.page;
	}

	/**
	 * The step the current page shows ({@code "account/login"}), or {@code null} when it
	 * is no step of a flow.
	 */
	public String step() {
		return page().step();
	}

	/**
	 * The id of the task the browser is working on: the current page's, or, on a page of
	 * no flow (after Cancel, or a completion that redirects), the last one seen; or
	 * {@code null} before the first submit of a flow.
	 */
	public String taskId() {
		String id = page().taskId();
		return (id != null) ? id : this.lastTaskId;
	}

	/**
	 * The task the browser is working on, as stored now.
	 * @throws AssertionError if there is none, or it is not stored any more (cancelled,
	 * expired)
	 */
	public Task task() {
		String id = taskId();
		if (id == null) {
			throw new AssertionError("No task yet on " + page().describe()
					+ ": a task is stored when the first step of a flow is submitted");
		}
		return FlowsPage.load(this.page.engine(), id);
	}

	/** The state of {@link #task()}, as stored now. */
	public TaskState state() {
		return task().state();
	}

	/** The HTTP session the browser carries, or {@code null} when it has none. */
	public MockHttpSession session() {
		return this.session;
	}

	/** Assertions on the current page. */
	@Override
	public FlowPageAssert assertThat() {
		return new FlowPageAssert(page(), this);
	}

	private FlowPage flowPage(String what) {
		FlowPage flow = page().flowPage();
		if (flow == null || page().step() == null) {
			throw new AssertionError("Cannot press " + what + ": " + this.page.describe() + " is no step of a flow");
		}
		return flow;
	}

	private HtmlForm stepForm() {
		FlowsPage current = page();
		List<HtmlForm> forms = current.forms();
		String formAction = (current.flowPage() != null) ? current.flowPage().getFormAction() : null;
		List<HtmlForm> candidates = forms.stream()
			.filter((form) -> formAction == null || form.actionPath().equals(formAction))
			.toList();
		if (candidates.isEmpty()) {
			throw new AssertionError("No form" + ((formAction != null) ? " posting to " + formAction : "") + " on "
					+ current.describe() + "; " + describeForms() + bodyHint(current));
		}
		List<HtmlForm> withFields = candidates.stream()
			.filter((form) -> this.filled.keySet().stream().allMatch(form::hasField))
			.toList();
		if (withFields.isEmpty()) {
			throw new AssertionError(
					"No form" + ((formAction != null) ? " posting to " + formAction : "") + " on " + current.describe()
							+ " has all the fields filled " + this.filled.keySet() + "; " + describeForms());
		}
		return withFields.stream().filter(HtmlForm::hasVisibleField).findFirst().orElse(withFields.get(0));
	}

	private FlowsMockMvc submit(HtmlForm form, HtmlForm.Button button) {
		List<String> missing = this.filled.keySet().stream().filter((name) -> !form.hasField(name)).toList();
		if (!missing.isEmpty()) {
			throw new AssertionError("The form " + form.describe() + " of " + this.page.describe() + " has no field "
					+ String.join(", ", missing) + "; " + describeForms());
		}
		MultiValueMap<String, String> data = form.data(this.filled, button);
		this.filled.clear();
		HttpMethod method = form.method().equals("POST") ? HttpMethod.POST : HttpMethod.GET;
		this.lastSubmission = new Submission(method, form.action(), data);
		send(method, form.action(), data);
		return this;
	}

	/**
	 * Posts to a flow's Back or Cancel address: with the form the page has for it, or,
	 * when the page shows none, with the hidden fields of the step's form (task id,
	 * version, CSRF token), as such a form would carry them.
	 */
	private FlowsMockMvc postTo(String action, String what) {
		for (HtmlForm form : this.page.forms()) {
			if (form.actionPath().equals(action) && form.method().equals("POST")) {
				this.filled.clear();
				return submit(form, form.firstButton());
			}
		}
		HtmlForm template = this.page.forms()
			.stream()
			.filter((form) -> form.actionPath().equals(this.page.flowPage().getFormAction()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No " + what + " form and no step form on " + this.page.describe() + "; " + describeForms()));
		HtmlForm hiddenOnly = new HtmlForm("POST", action,
				template.controls()
					.stream()
					.filter((control) -> control.type().equals("hidden") && control.name().startsWith("_"))
					.toList(),
				List.of());
		this.filled.clear();
		return submit(hiddenOnly, null);
	}

	private void send(HttpMethod method, String uri, MultiValueMap<String, String> form) {
		String target = uri;
		HttpMethod currentMethod = method;
		MultiValueMap<String, String> data = form;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			MvcResult result = perform(currentMethod, target, data);
			int status = result.getResponse().getStatus();
			String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
			if (status < 300 || status >= 400 || location == null) {
				this.page = new FlowsPage(result, target);
				if (this.page.taskId() != null) {
					this.lastTaskId = this.page.taskId();
				}
				return;
			}
			if (status != 307 && status != 308) {
				currentMethod = HttpMethod.GET;
				data = null;
			}
			target = local(location);
		}
		throw new AssertionError("More than " + MAX_REDIRECTS + " redirects from " + uri + ", the last to " + target);
	}

	private MvcResult perform(HttpMethod method, String uri, MultiValueMap<String, String> form) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(uri))
			.accept(MediaType.TEXT_HTML, MediaType.ALL);
		if (form != null && method != HttpMethod.GET) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).params(form);
		}
		else if (form != null) {
			request.queryParams(form);
		}
		if (this.session != null) {
			request.session(this.session);
		}
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(Cookie[]::new));
		}
		for (RequestPostProcessor postProcessor : this.postProcessors) {
			request.with(postProcessor);
		}
		MvcResult result;
		try {
			result = this.mvc.perform(request).andReturn();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + uri + " failed", ex);
		}
		keepSessionAndCookies(result);
		return result;
	}

	private void keepSessionAndCookies(MvcResult result) {
		MockHttpServletRequest request = result.getRequest();
		if (request.getSession(false) instanceof MockHttpSession current) {
			this.session = current.isInvalid() ? null : current;
		}
		else if (this.session != null && this.session.isInvalid()) {
			this.session = null;
		}
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				this.cookies.remove(cookie.getName());
			}
			else {
				this.cookies.put(cookie.getName(), cookie);
			}
		}
	}

	/** A redirect's location as a path within the application. */
	private static String local(String location) {
		URI uri = URI.create(location);
		if (uri.getScheme() == null) {
			return location;
		}
		String path = (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/";
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

	private String describeForms() {
		List<HtmlForm> forms = this.page.forms();
		if (forms.isEmpty()) {
			return "the page has no form";
		}
		return forms.stream()
			.map(HtmlForm::describe)
			.collect(Collectors.joining("\n  ", "its forms:\n  ",
					(this.filled.isEmpty()) ? "" : "\nfilled so far: " + String.join(", ", this.filled.keySet())));
	}

	/** A form as it was sent. */
	private record Submission(HttpMethod method, String action, MultiValueMap<String, String> data) {
	}

	private static String bodyHint(FlowsPage page) {
		if (!page.html().isBlank()) {
			return "";
		}
		String error = page.mvcResult().getResponse().getErrorMessage();
		return "\nThe answer has no body" + ((error != null) ? " (error: " + error + ")" : "")
				+ "; with a view technology that MockMvc does not render (JSP), there are no forms to read";
	}

}
