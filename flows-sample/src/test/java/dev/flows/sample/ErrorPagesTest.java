package dev.flows.sample;

import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.flows.sample.Visitor.Page;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages speak the shop's language: a title and a sentence chosen by status, in the
 * shop's layout, and nothing of what went wrong inside (no exception message, no Java
 * type, no SQL, no stack trace), whatever the error carried. Statuses the shop can be
 * brought to answer are asked for as a visitor would; the others (a database failure, and
 * the statuses Flows sends with a reason of its own) come from {@link FailingController},
 * a controller of this test only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesTest.FailingController.class)
class ErrorPagesTest {

	/** What {@link FailingController} puts in the reason of every error it sends. */
	private static final String REASON = "java.lang.IllegalStateException: "
			+ "insert into orders (payment_label) values (?)";

	/** Signs of internals that must never reach a visitor. */
	private static final String[] INTERNALS = { "java.", "Exception", "org.springframework", "dev.flows", "SQL",
			"select ", "insert into", "Failed to convert", "Method parameter", "has no step", "Flow '", "malformed",
			"not supported", "static resource", "\tat " };

	@LocalServerPort
	int port;

	Visitor visitor;

	@BeforeEach
	void newVisitor() {
		this.visitor = new Visitor("http://localhost:" + this.port);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /buy?item=abc               | 400 | That link doesn't look right
			GET  | /products/abc               | 400 | That link doesn't look right
			GET  | /buy/confirm?_id=my-order   | 400 | That link doesn't look right
			POST | /buy/item                   | 403 | We couldn't accept that
			GET  | /buy/no-such-step           | 404 | We can't find that page
			GET  | /products/999999            | 404 | We can't find that page
			GET  | /no-such-page               | 404 | We can't find that page
			GET  | /buy/_cancel                | 405 | That page can't be used like that
			GET  | /test/status/409            | 409 | That can't be done right now
			GET  | /test/status/413            | 413 | That was more than we can keep
			GET  | /test/database-failure      | 500 | Something went wrong on our side
			GET  | /test/status/503            | 503 | We're unavailable for a moment
			GET  | /test/status/418            | 418 | Something is not right
			""")
	void everyStatusGetsTheShopsOwnWordsAndNothingOfTheInternals(String method, String path, int status, String title) {
		// A POST without the CSRF token of a page (403), a step that is not there (404),
		// a GET of what
		// only takes POSTs (405), a malformed task id or a query parameter of the wrong
		// type (400).
		Page page = this.visitor.request(method, path, "text/html");

		assertThat(page.status()).as(page.text()).isEqualTo(status);
		assertThat(page.heading()).isEqualTo(title);
		assertThat(page.text()).as("in the shop's layout")
			.contains("Paper & Pen")
			.contains("Back to the shop")
			.contains("Error " + status);
		assertThat(page.text()).doesNotContain(INTERNALS);
		assertThat(page.html()).doesNotContain(REASON).doesNotContain("jsessionid");
	}

	@Test
	void aSentenceForEachStatusComesFromTheMessages() {
		assertThat(this.visitor.open("/buy?item=abc").text()).contains("Start again from the shop and it will work.");
		assertThat(this.visitor.open("/test/status/503").text())
			.contains("Your progress can't be reached right now. Please try again in a moment.");
	}

	@Test
	void apiClientsGetNoInternalsEither() {
		Page json = this.visitor.request("GET", "/buy?item=abc", "application/json");

		assertThat(json.status()).isEqualTo(400);
		assertThat(json.html()).contains("\"status\":400")
			.doesNotContain("\"message\"", "\"exception\"", "\"trace\"", "\"errors\"")
			.doesNotContain(INTERNALS);
		assertThat(this.visitor.request("GET", "/test/database-failure", "application/json").html())
			.contains("\"status\":500")
			.doesNotContain(INTERNALS);
	}

	@Test
	void aBuyLinkForAProductThatIsNotThereLetsTheCustomerChoose() {
		Page page = this.visitor.open("/buy?item=999999");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("Do you want to buy this?");
		assertThat(page.html()).as("no product chosen").doesNotContain("checked");
	}

	/**
	 * Fails the way the shop would fail, with internals in the exception or the reason.
	 */
	@Controller
	static class FailingController {

		private final JdbcTemplate jdbc;

		FailingController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/** A real database failure: the exception's message holds the SQL statement. */
		@GetMapping("/test/database-failure")
		void databaseFailure() {
			this.jdbc.queryForList("select card_number from payment_method");
		}

		/** A status with a reason, the way Flows sends 409, 413 and 503. */
		@GetMapping("/test/status/{status}")
		void status(@PathVariable int status, HttpServletResponse response) throws IOException {
			response.sendError(status, REASON);
		}

	}

}
