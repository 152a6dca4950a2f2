package dev.flows.sample.shop;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flows.sample.account.Account;
import dev.flows.sample.account.Accounts;
import dev.flows.sample.account.PaymentMethod;
import dev.flows.sample.account.PaymentMethodRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds an empty database: a few products, and the demo customer {@value #DEMO_EMAIL}
 * (password {@value #DEMO_PASSWORD}) with a saved card.
 */
@Component
class DemoData implements ApplicationRunner {

	static final String DEMO_EMAIL = "demo@example.com";

	static final String DEMO_PASSWORD = "password";

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final ProductRepository products;

	private final Accounts accounts;

	private final PaymentMethodRepository paymentMethods;

	DemoData(ProductRepository products, Accounts accounts, PaymentMethodRepository paymentMethods) {
		this.products = products;
		this.accounts = accounts;
		this.paymentMethods = paymentMethods;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.products.count() == 0) {
			this.products.save(new Product("Field notebook", "Dot grid, 192 pages, lies flat",
					"A sewn notebook with 100 g paper that takes fountain pen ink without bleeding through.", 1450,
					"#d9822b"));
			this.products.save(new Product("Fountain pen", "Steel nib, refillable",
					"A sturdy everyday pen with a medium steel nib and a converter for bottled ink.", 3800, "#2b6cb0"));
			this.products.save(new Product("Desk lamp", "Walnut and brass, warm light",
					"A small lamp that lights a desk and not the whole room. Bulb included.", 8900, "#2f855a"));
			this.products.save(new Product("Canvas tote", "Heavy cotton, inner pocket",
					"Carries a laptop, a notebook and lunch, and survives the washing machine.", 2200, "#9b2c2c"));
		}
		if (!this.accounts.exists(DEMO_EMAIL)) {
			Account demo = this.accounts.register(DEMO_EMAIL, "Demo Customer", DEMO_PASSWORD);
			this.paymentMethods.save(new PaymentMethod(demo, PaymentMethod.Type.CARD,
					"Visa ending in 4242, expires 12/30", "tok_demo_visa_4242", Instant.now()));
			logger.info("Demo customer: {} / {} (with a saved card)", DEMO_EMAIL, DEMO_PASSWORD);
		}
	}

}
