package dev.flows.sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy path in a browser that runs no scripts: no htmx, so every step is a page of
 * its own, reached by 303 redirects, exactly as without htmx support.
 */
class HappyPathWithoutJavaScriptTest extends HappyPathTest {

	@BeforeAll
	static void startBrowser() {
		startBrowser(false);
	}

	@Test
	void thePagesScriptsDoNotRun() {
		this.shopper.open("/buy").expectHeading("Do you want to buy this?");
		assertThat(((JavascriptExecutor) this.shopper.driver()).executeScript("return typeof window.htmx"))
			.isEqualTo("undefined");
	}

}
