package dev.flows.sample;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does in the shop, in a real browser: open a page, read the heading, type
 * into a field found by its label, choose an option, press a button, use the browser's
 * Back button. Every action that loads a page waits until the new page is there.
 */
final class Shopper {

	/** Marks the page a navigating action leaves. */
	private static final String LEFT = "data-left-by-test";

	private static final Pattern TASK_ID = Pattern.compile("[?&]_id=([A-Za-z0-9_-]+)");

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	Shopper(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			// a script run while the page is being replaced
			.ignoring(JavascriptException.class);
	}

	WebDriver driver() {
		return this.driver;
	}

	// Navigation

	Shopper open(String path) {
		this.driver.get(path.startsWith("http") ? path : this.baseUrl + path);
		waitForPage();
		return this;
	}

	/** Presses the button with this text and waits for the page it leads to. */
	Shopper press(String buttonText) {
		return loadingNewPage(() -> button(buttonText).click());
	}

	/** Follows the link with this text. */
	Shopper follow(String linkText) {
		WebElement link = this.driver.findElement(By.xpath("//a[normalize-space()=" + xpath(linkText) + "]"));
		return loadingNewPage(link::click);
	}

	/** The browser's own Back button. */
	Shopper browserBack() {
		return loadingNewPage(() -> this.driver.navigate().back());
	}

	/**
	 * Runs {@code action}, which leaves the page, and waits for the next one. The heading
	 * and the forms of the page being left are marked first, so the wait cannot mistake
	 * it for the next one (not even when the browser brings it back from its back-forward
	 * cache). The heading, not the document: a step that swaps in place (htmx) keeps the
	 * document and replaces the heading with the rest of the step. The forms: a form that
	 * comes back with errors under htmx replaces only itself, and the heading stays.
	 */
	Shopper loadingNewPage(Runnable action) {
		((JavascriptExecutor) this.driver).executeScript("document.querySelectorAll('h1, form')"
				+ ".forEach((element) => element.setAttribute('" + LEFT + "', ''))");
		action.run();
		waitForPage();
		return this;
	}

	/**
	 * Waits until a page (or a step or form swapped in place) is there that is not the
	 * one left. A page the browser restored from its back-forward cache reloads itself
	 * (Flows' /flows/back-forward.js); until then it is marked, and this waits on. A swap
	 * is complete once htmx has settled it (no htmx-request, htmx-swapping or
	 * htmx-settling class left).
	 */
	private void waitForPage() {
		try {
			this.wait.until((driver) -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("const html = document.documentElement; const h1 = document.querySelector('h1');"
						+ " return document.readyState === 'complete' && h1 !== null && (!h1.hasAttribute('" + LEFT
						+ "') || document.querySelector('form:not([" + LEFT + "])') !== null)"
						+ " && !html.hasAttribute('data-back-forward-cached')"
						+ " && document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("No new page at " + url() + "; the page shows:\n" + pageText(), ex);
		}
	}

	/**
	 * Marks the document: the mark lasts until the next whole page load, and survives
	 * steps that swap in place.
	 */
	Shopper markDocument() {
		((JavascriptExecutor) this.driver).executeScript("window.flowsTestMarker = 'still here';");
		return this;
	}

	/** Whether the document marked by {@link #markDocument()} is still the one shown. */
	boolean isMarkedDocument() {
		return "still here".equals(((JavascriptExecutor) this.driver).executeScript("return window.flowsTestMarker;"));
	}

	/** Reloads the page, as the browser's reload button does. */
	Shopper reload() {
		return loadingNewPage(() -> this.driver.navigate().refresh());
	}

	// Reading

	String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	/**
	 * Waits until the page's heading is {@code expected}, failing with what the page
	 * shows instead.
	 */
	Shopper expectHeading(String expected) {
		try {
			this.wait.until((driver) -> expected.equals(heading()));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			assertThat(heading()).as("heading of %s%n%s", url(), pageText()).isEqualTo(expected);
		}
		return this;
	}

	String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	String path() {
		return url().substring(this.baseUrl.length());
	}

	/** The task id in the address bar. */
	String taskId() {
		Matcher matcher = TASK_ID.matcher(url());
		assertThat(matcher.find()).as("a task id in %s", url()).isTrue();
		return matcher.group(1);
	}

	String text(String cssSelector) {
		return this.driver.findElement(By.cssSelector(cssSelector)).getText();
	}

	List<String> texts(String cssSelector) {
		return this.driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
	}

	/** The top-level progress indicator: "title: status" for each step. */
	List<String> progress() {
		return this.driver.findElements(By.cssSelector(".progress > ol:first-child > li"))
			.stream()
			.map((step) -> step.findElement(By.className("step-title")).getText() + ": "
					+ step.getDomAttribute("class"))
			.toList();
	}

	List<String> subProgress() {
		return this.driver.findElements(By.cssSelector(".sub-progress li"))
			.stream()
			.map((step) -> step.getText() + ": " + step.getDomAttribute("class"))
			.toList();
	}

	boolean hasButton(String text) {
		return !this.driver.findElements(By.xpath("//button[normalize-space()=" + xpath(text) + "]")).isEmpty();
	}

	// Forms

	/** Types into the field labelled {@code label}, replacing what was there. */
	Shopper fill(String label, String value) {
		WebElement input = field(label);
		input.clear();
		input.sendKeys(value);
		return this;
	}

	String valueOf(String label) {
		return field(label).getDomProperty("value");
	}

	/**
	 * The error message shown next to the field labelled {@code label}, or "" if there is
	 * none.
	 */
	String errorNextTo(String label) {
		WebElement container = field(label).findElement(By.xpath("./ancestor::*[contains(@class, 'field')][1]"));
		List<WebElement> errors = container.findElements(By.className("field-error"));
		return errors.isEmpty() ? "" : errors.get(0).getText();
	}

	/**
	 * The error message of a group of options (radio buttons) whose legend is
	 * {@code legend}.
	 */
	String errorOfChoice(String legend) {
		WebElement fieldset = this.driver
			.findElement(By.xpath("//fieldset[legend[normalize-space()=" + xpath(legend) + "]]"));
		List<WebElement> errors = fieldset.findElements(By.className("field-error"));
		return errors.isEmpty() ? "" : errors.get(0).getText();
	}

	/** Clicks the option (radio button) whose label contains {@code text}. */
	Shopper choose(String text) {
		option(text).click();
		return this;
	}

	boolean isChosen(String text) {
		return option(text).findElement(By.tagName("input")).isSelected();
	}

	/** Ticks the checkbox whose label contains {@code text}. */
	Shopper tick(String text) {
		WebElement box = this.driver
			.findElement(By.xpath("//label[contains(normalize-space(), " + xpath(text) + ")]/input[@type='checkbox']"));
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	boolean isTicked(String text) {
		return this.driver
			.findElement(By.xpath("//label[contains(normalize-space(), " + xpath(text) + ")]/input[@type='checkbox']"))
			.isSelected();
	}

	Shopper select(String label, String option) {
		new Select(field(label)).selectByVisibleText(option);
		return this;
	}

	WebElement button(String text) {
		return this.driver.findElement(By.xpath("//button[normalize-space()=" + xpath(text) + "]"));
	}

	private WebElement option(String text) {
		return this.driver.findElement(
				By.xpath("//label[contains(@class, 'choice')][contains(normalize-space(), " + xpath(text) + ")]"));
	}

	private WebElement field(String label) {
		WebElement labelElement = this.driver.findElement(By.xpath("//label[normalize-space()=" + xpath(label) + "]"));
		return this.driver.findElement(By.id(labelElement.getDomAttribute("for")));
	}

	/** An XPath string literal for {@code text}, whatever quotes it contains. */
	private static String xpath(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	// Whole steps, for tests that are about something else

	Shopper signIn(String email, String password) {
		open("/login").expectHeading("Sign in");
		fill("Email address", email).fill("Password", password).press("Sign in");
		return expectHeading("Paper & Pen");
	}

	Shopper payByCard(String holder) {
		expectHeading("How would you like to pay?").choose("Credit or debit card").press("Continue");
		expectHeading("Card details");
		fill("Name on the card", holder).fill("Card number", "4242 4242 4242 4242")
			.fill("Expiry date (MM/YY)", "12/30")
			.fill("Security code", "123");
		return press("Continue").expectHeading("Confirm and pay");
	}

}
