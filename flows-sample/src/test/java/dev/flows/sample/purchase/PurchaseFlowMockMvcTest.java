package dev.flows.sample.purchase;

import java.util.UUID;

import dev.flows.sample.purchase.account.Register;
import dev.flows.sample.shop.OrderRepository;
import dev.flows.sample.shop.Product;
import dev.flows.sample.shop.ProductRepository;
import dev.flows.test.FlowsMockMvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The purchase flow through MockMvc with Flows' test kit ({@link FlowsMockMvc}): the
 * shop's real pages, Spring Security (CSRF token, sign-in inside the flow) and the JPA
 * store on H2, without a server or a browser. The kit fills each step's form by field
 * name and carries the task id, version, CSRF token and session from page to page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PurchaseFlowMockMvcTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProductRepository products;

	@Autowired
	OrderRepository orders;

	FlowsMockMvc shopper;

	@BeforeEach
	void newShopper() {
		this.shopper = FlowsMockMvc.of(this.mvc);
	}

	@Test
	void aNewcomerRegistersOnTheWayPaysByCardAndGetsTheReceipt() {
		long pen = product("Fountain pen").getId();
		String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		this.shopper.start("/buy?item=" + pen);
		assertThat(this.shopper).isAtStep("item").hasFieldValue("productId", Long.toString(pen));
		this.shopper.fill("quantity", "2").submit();

		assertThat(this.shopper).isAtStep("account/login");
		String taskId = this.shopper.taskId();
		this.shopper.press("Create an account");
		assertThat(this.shopper).isAtStep(Register.class);
		this.shopper.fill("name", "Nora Newcomer")
			.fill("email", email)
			.fill("password", PASSWORD)
			.fill("confirmPassword", PASSWORD)
			.submit();

		assertThat(this.shopper).isAtStep("payment/new/type").containsText("Signed in as " + email);
		this.shopper.fill("type", "CARD").submit();
		this.shopper.fill("holder", "Nora Newcomer")
			.fill("number", "4242 4242 4242 4242")
			.fill("expiry", "12/30")
			.fill("securityCode", "123")
			.submit();

		assertThat(this.shopper).isAtStep("confirm").containsText("€76.00");
		this.shopper.press("Confirm and pay");

		assertThat(this.shopper).isCompleted().containsText("Thank you for your order");
		assertThat(this.shopper.taskId()).isEqualTo(taskId);
		Receipt receipt = this.shopper.state().get("receipt", Receipt.class);
		assertThat(receipt.productName()).isEqualTo("Fountain pen");
		assertThat(receipt.quantity()).isEqualTo(2);
		assertThat(this.orders.findByTaskId(taskId))
			.hasValueSatisfying((order) -> assertThat(order.getNumber()).isEqualTo(receipt.orderNumber()));
	}

	@Test
	void invalidAnswersKeepTheCustomerOnTheStepWithTheShopsMessages() {
		this.shopper.start("/buy").fill("quantity", "lots").submit();

		assertThat(this.shopper).isAtStep("item")
			.hasFieldError("productId", "Choose what you would like to buy")
			.hasFieldError("quantity", "Enter a whole number")
			.hasFieldValue("quantity", "lots");

		this.shopper.fill("productId", Long.toString(product("Desk lamp").getId())).fill("quantity", "11").submit();
		assertThat(this.shopper).isAtStep("item").hasFieldError("quantity", "You can buy 1 to 10 at a time");
	}

	@Test
	void backShowsTheEarlierAnswers() {
		long notebook = product("Field notebook").getId();
		this.shopper.start("/buy").fill("productId", Long.toString(notebook)).fill("quantity", "3").submit();
		assertThat(this.shopper).isAtStep("account/login");

		this.shopper.back();

		assertThat(this.shopper).isAtStep("item")
			.hasFieldValue("productId", Long.toString(notebook))
			.hasFieldValue("quantity", "3");
	}

	@Test
	void forgotYourPasswordTakesTheExplicitBranchOfTheAccountStep() {
		this.shopper.start("/buy").fill("productId", Long.toString(product("Canvas tote").getId())).submit();

		this.shopper.press("Forgot your password?");

		assertThat(this.shopper).isAtStep("account/forgot-password/email").hasNoErrors();
		this.shopper.back();
		assertThat(this.shopper).isAtStep("account/login");
	}

	@Test
	void aSignedInCustomerSkipsTheAccountStepAndPaysWithTheSavedCard() {
		this.shopper.with(user("demo@example.com"));

		this.shopper.start("/buy?item=" + product("Desk lamp").getId()).submit();

		assertThat(this.shopper).isAtStep("payment/saved");
		this.shopper.submit();
		assertThat(this.shopper).isAtStep("confirm").containsText("Visa ending in 4242");
		this.shopper.press("Confirm and pay");
		assertThat(this.shopper).isCompleted();
		assertThat(this.shopper.state().get("receipt", Receipt.class).email()).isEqualTo("demo@example.com");
		int orders = this.orders.findByAccountEmailOrderByPlacedAtDesc("demo@example.com").size();

		this.shopper.resubmit();

		assertThat(this.shopper).as("a second click on Confirm and pay").isCompleted();
		assertThat(this.orders.findByAccountEmailOrderByPlacedAtDesc("demo@example.com")).hasSize(orders);
	}

	@Test
	void cancelLeavesTheFlowAndForgetsTheTask() {
		this.shopper.start("/buy").fill("productId", Long.toString(product("Canvas tote").getId())).submit();

		this.shopper.cancel();

		assertThat(this.shopper).hasPath("/cancelled");
	}

	private Product product(String name) {
		return this.products.findAllByOrderByIdAsc()
			.stream()
			.filter((product) -> product.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
