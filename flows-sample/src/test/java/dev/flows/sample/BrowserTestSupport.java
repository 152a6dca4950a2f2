package dev.flows.sample;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

import dev.flows.sample.account.Accounts;
import dev.flows.sample.shop.CustomerOrder;
import dev.flows.sample.shop.OrderRepository;
import dev.flows.sample.shop.Product;
import dev.flows.sample.shop.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running shop (one Spring context for every test class: they share this
 * configuration) and a headless Chromium per test class, with fresh cookies for every
 * test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

	static final String PASSWORD = "correct horse battery";

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	OrderRepository orders;

	@Autowired
	ProductRepository products;

	Shopper shopper;

	@BeforeAll
	static void startBrowser() {
		startBrowser(true);
	}

	/**
	 * Starts the class's browser; a test class that hides {@link #startBrowser()} with
	 * its own {@code @BeforeAll} method can run without JavaScript.
	 */
	static void startBrowser(boolean javaScript) {
		browser = Browser.start(javaScript);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@BeforeEach
	void freshVisitor() {
		WebDriver driver = browser.driver();
		List<String> windows = List.copyOf(driver.getWindowHandles());
		for (String extra : windows.subList(1, windows.size())) {
			driver.switchTo().window(extra).close();
		}
		driver.switchTo().window(windows.get(0));
		this.shopper = new Shopper(driver, baseUrl());
		// Cookies belong to the site: load it, then forget them (no session, signed out).
		this.shopper.open("/");
		driver.manage().deleteAllCookies();
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * A new Chromium with its own profile, as a second person would have. Close it after
	 * use.
	 */
	static Browser anotherBrowser() {
		return Browser.start();
	}

	/** An email address nobody has used yet. */
	static String newEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A customer who exists already, with {@link #PASSWORD}. */
	String existingCustomer(String name) {
		String email = newEmail(name);
		this.accounts.register(email, name, PASSWORD);
		return email;
	}

	Product product(String name) {
		return this.products.findAll()
			.stream()
			.filter((product) -> product.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	List<CustomerOrder> ordersOf(String email) {
		return this.orders.findByAccountEmailOrderByPlacedAtDesc(email);
	}

}
