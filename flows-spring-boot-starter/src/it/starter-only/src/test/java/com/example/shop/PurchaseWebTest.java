package com.example.shop;

import dev.flows.test.FlowsMockMvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class PurchaseWebTest {

	@Autowired
	MockMvc mvc;

	FlowsMockMvc browser;

	@BeforeEach
	void newBrowser() {
		this.browser = FlowsMockMvc.of(this.mvc); // no session, no cookies yet
	}

	@Test
	void aPurchaseSentByPost() {
		this.browser.start("/buy"); // GET, then the redirects, to the first step
		assertThat(this.browser).isAtStep("confirm-item").hasStepTitle("Do you want to buy this?");

		this.browser.fill("itemId", "42").submit(); // the form, with _id, _v (and _csrf) from the page
		assertThat(this.browser).isAtStep("delivery/choose-delivery").hasState("item", "42");

		this.browser.press("By post"); // the button so labelled
		this.browser.fill("street", "1 Main Street").fill("city", "Springfield").submit();
		assertThat(this.browser).isAtStep(ConfirmAndPay.class).hasState("address", "1 Main Street, Springfield");

		this.browser.back(); // the page's Back form: the address again
		assertThat(this.browser).isAtStep("delivery/enter-address").hasFieldValue("city", "Springfield");
	}

	@Test
	void anEmptyAnswerStaysOnTheStep() {
		this.browser.start("/buy").fill("itemId", "").submit();

		assertThat(this.browser).isAtStep("confirm-item").hasFieldError("itemId", "must not be blank");
	}

}
