package dev.flows.test;

import java.util.List;

import dev.flows.test.app.JoinApplication;
import dev.flows.test.app.Name;
import dev.flows.test.app.Voucher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@link FlowsMockMvc} on the {@code /join} flow of {@link JoinApplication}: Thymeleaf
 * pages, Spring Security's CSRF protection and login page, the session binder.
 */
@SpringBootTest(classes = JoinApplication.class)
@AutoConfigureMockMvc
class FlowsMockMvcTests {

	@Autowired
	MockMvc mvc;

	FlowsMockMvc browser;

	@BeforeEach
	void newBrowser() {
		this.browser = FlowsMockMvc.of(this.mvc);
	}

	@Test
	void startShowsTheFirstStepWithoutATask() {
		this.browser.start("/join");

		assertThat(this.browser).isAtStep("name").isAtStep(Name.class).hasStepTitle("Who are you?").hasStatus(200);
		assertThat(this.browser.taskId()).as("no task before the first submit").isNull();
		assertThat(this.browser.page().path()).isEqualTo("/join");
	}

	@Test
	void aSignedInUserGoesThroughEveryStepToTheCompletionPage() {
		this.browser.with(user("alice")).start("/join");

		this.browser.fill("name", "Alice").fill("email", "alice@example.com").submit();
		assertThat(this.browser).isAtStep("choose/plan").hasNoErrors().hasState("name", "Alice");
		assertThat(this.browser.page().uri()).startsWith("/join/choose/plan?_id=" + this.browser.taskId());

		this.browser.fill("plan", "pro").fill("topics", "news", "tips").submit();
		assertThat(this.browser).isAtStep("newsletter").hasState("plan", "pro");
		assertThat(this.browser.state().get("topics", new ParameterizedTypeReference<List<String>>() {
		})).containsExactly("news", "tips");

		this.browser.fill("frequency", "weekly").submit();
		assertThat(this.browser).isAtStep("confirm").containsText("Signed in as alice");

		this.browser.fill("note", "See you soon").press("Join now");
		assertThat(this.browser).isCompleted().containsText("Welcome, Alice");
		assertThat(this.browser.state().get("note", String.class)).isEqualTo("See you soon");
		assertThat(this.browser.state().get("member", String.class)).isEqualTo("alice");
	}

	@Test
	void theFieldsAPageSendsAreThoseABrowserSends() {
		this.browser.with(user("alice")).start("/join").fill("name", "Alice").fill("email", "a@example.com").submit();
		this.browser.submit();
		assertThat(this.browser).isAtStep("newsletter");
		assertThat(this.browser.state().get("plan", String.class)).as("the first option of a select").isEqualTo("free");
		assertThat(this.browser.state().get("topics", List.class)).as("unchecked boxes send nothing").isEmpty();

		this.browser.submit();
		assertThat(this.browser).isAtStep("confirm").hasState("frequency", "monthly").hasFieldValue("note", "Hello!");
		this.browser.submit();
		assertThat(this.browser).isCompleted();
		assertThat(this.browser.state().get("note", String.class)).as("a textarea's text").isEqualTo("Hello!");
	}

	@Test
	void invalidInputStaysOnTheStepWithTheMessagesAndTheValues() {
		this.browser.start("/join").fill("name", "").fill("email", "not an address").submit();

		assertThat(this.browser).isAtStep("name")
			.hasFieldError("name", "Enter your name")
			.hasFieldError("email", "Enter an email address like name@example.com")
			.hasFieldValue("email", "not an address");
		assertThat(this.browser.page().fieldErrors("email"))
			.containsExactly("Enter an email address like name@example.com");
		assertThat(this.browser).doesNotHaveStateKey("name");
	}

	@Test
	void backShowsTheEarlierAnswersAndASubmitThereRewinds() {
		this.browser.start("/join").fill("name", "Alice").fill("email", "alice@example.com").submit();
		String taskId = this.browser.taskId();
		this.browser.fill("plan", "pro").submit();

		this.browser.back();
		assertThat(this.browser).isAtStep("choose/plan").hasState("plan", "pro");
		this.browser.back();

		assertThat(this.browser).isAtStep("name")
			.hasFieldValue("name", "Alice")
			.hasFieldValue("email", "alice@example.com")
			.doesNotHaveStateKey("plan");
		this.browser.fill("name", "Alicia").submit();
		assertThat(this.browser).isAtStep("choose/plan").hasState("name", "Alicia");
		assertThat(this.browser.taskId()).as("the same task").isEqualTo(taskId);
	}

	@Test
	void pressingAButtonOfAnotherFormTakesTheBranch() {
		this.browser.start("/join").fill("name", "Vera").fill("email", "vera@example.com").submit();

		this.browser.press("I have a voucher");
		assertThat(this.browser).isAtStep(Voucher.class).isAtStep("choose/voucher");

		this.browser.fill("code", "OLDY").submit();
		assertThat(this.browser).isAtStep("choose/voucher").hasGlobalError("This voucher has expired");
		this.browser.fill("code", "abc").submit();
		assertThat(this.browser).hasFieldError("code");

		this.browser.fill("code", "GIFT").submit();
		assertThat(this.browser).isAtStep("newsletter").hasState("voucher", "GIFT").doesNotHaveStateKey("plan");
	}

	@Test
	void skipCompletesASkippableStepWithoutItsAnswer() {
		this.browser.with(user("alice")).start("/join").fill("name", "Sam").fill("email", "sam@example.com").submit();
		this.browser.submit();

		this.browser.skip();

		assertThat(this.browser).isAtStep("confirm").doesNotHaveStateKey("frequency");
	}

	@Test
	void cancelLeadsToTheCancelPageAndTheTaskIsGone() {
		this.browser.start("/join").fill("name", "Carl").fill("email", "carl@example.com").submit();
		String taskId = this.browser.taskId();

		this.browser.cancel();

		assertThat(this.browser).hasPath("/cancelled").containsText("Maybe next time");
		assertThat(this.browser.taskId()).isEqualTo(taskId);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.browser::state)
			.withMessageContaining("Task " + taskId + " is not stored");
	}

	@Test
	void aStepThatNeedsALoginGoesThroughTheLoginPageAndBackToTheSameTask() {
		this.browser.start("/join").fill("name", "Alice").fill("email", "alice@example.com").submit();
		String taskId = this.browser.taskId();
		this.browser.submit();
		this.browser.submit();

		assertThat(this.browser).hasPath("/login");
		this.browser.fill("username", "alice").fill("password", "secret").submit();

		assertThat(this.browser).isAtStep("confirm").containsText("Signed in as alice");
		assertThat(this.browser.taskId()).isEqualTo(taskId);
	}

	@Test
	void startingAgainWorksOnANewTask() {
		this.browser.start("/join").fill("name", "Alice").fill("email", "alice@example.com").submit();
		String first = this.browser.taskId();

		this.browser.start("/join");
		assertThat(this.browser.taskId()).isNull();
		this.browser.fill("name", "Bob").fill("email", "bob@example.com").submit();

		assertThat(this.browser.taskId()).isNotEqualTo(first);
		assertThat(this.browser).hasState("name", "Bob");
	}

	@Test
	void aResubmittedFormIsNotProcessedTwice() {
		this.browser.start("/join").fill("name", "Alice").fill("email", "alice@example.com").submit();
		this.browser.fill("plan", "pro").submit();
		long version = this.browser.task().version();

		this.browser.resubmit();

		assertThat(this.browser).isAtStep("newsletter");
		assertThat(this.browser.task().version()).isEqualTo(version);
		assertThat(this.browser.task().history()).hasSize(2);
	}

	@Test
	void aFieldThatIsNotOnThePageFailsWithTheFormsThePageHas() {
		this.browser.start("/join");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.browser.fill("surname", "Smith"))
			.withMessageContaining("No field 'surname' on /join (status 200, step 'name')")
			.withMessageContaining("POST /join/name (fields _csrf, _id, name, email; buttons 'Continue')");
	}

	@Test
	void aFieldOfAnotherFormFailsWhenAButtonIsPressed() {
		this.browser.start("/join").fill("name", "Vera").fill("email", "vera@example.com").submit();
		this.browser.fill("plan", "pro");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.browser.press("I have a voucher"))
			.withMessageContaining("has no field plan");
	}

	@Test
	void aPageWithoutAFormOrButtonFailsClearly() {
		this.browser.open("/cancelled");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.browser::submit)
			.withMessageContaining("No form on /cancelled (status 200)")
			.withMessageContaining("the page has no form");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.browser.press("Continue"))
			.withMessageContaining("No button 'Continue' on /cancelled");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.browser::back)
			.withMessageContaining("is no step of a flow");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.browser.start("/cancelled"))
			.withMessageContaining("Expected a step of a flow at /cancelled");
	}

	@Test
	void aWrongStepFailsWithTheValidationErrorsThatKeptTheUserThere() {
		this.browser.start("/join").fill("email", "alice@example.com").submit();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.browser).isAtStep("choose/plan"))
			.withMessageContaining("Expected to be at step 'choose/plan' but was at /join/name")
			.withMessageContaining("name: Enter your name");
	}

	@Test
	void theFirstStepOffersNoBack() {
		this.browser.start("/join");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.browser::back)
			.withMessageContaining("offers no Back");
	}

	@Test
	void noPageYetFailsClearly() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.browser::submit)
			.withMessageContaining("No page yet");
	}

}
