package dev.flows.sample;

import java.util.Map;
import java.util.UUID;

import dev.flows.sample.Visitor.Page;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.shop.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running shop, visited over plain HTTP ({@link Visitor}). The Spring context is the
 * one of the browser tests: the same configuration, started once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class VisitorTestSupport {

	static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ProductRepository products;

	/** Someone new, with no cookies yet. */
	Visitor newVisitor() {
		return new Visitor("http://localhost:" + this.port);
	}

	/** An email address nobody has used yet. */
	static String newEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/**
	 * A customer who exists already, with {@link #PASSWORD} and no saved payment method.
	 */
	String existingCustomer(String name) {
		String email = newEmail(name);
		this.accounts.register(email, name, PASSWORD);
		return email;
	}

	/** Submits the first step with the first product: the next step's page. */
	Page startPurchase(Visitor visitor) {
		long productId = this.products.findAllByOrderByIdAsc().get(0).getId();
		Page item = visitor.open("/buy?item=" + productId);
		assertThat(item.heading()).isEqualTo("Do you want to buy this?");
		// The entry page is /buy; its form posts to the first step, /buy/item.
		return visitor.submit(item, "/buy/item", Map.of("productId", Long.toString(productId), "quantity", "1"));
	}

	/**
	 * Expects {@code page} to be the page titled {@code heading}, failing with what it
	 * shows instead.
	 */
	static Page expect(Page page, String heading) {
		assertThat(page.heading()).as("status %d, %s:%n%s", page.status(), page.path(), page.text()).isEqualTo(heading);
		return page;
	}

}
