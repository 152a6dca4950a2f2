package dev.flows.sample;

import org.junit.jupiter.api.BeforeAll;

/**
 * The validation tests in a browser that runs no scripts: no htmx, so a form with errors
 * comes back as the whole page, as without htmx support.
 */
class ValidationWithoutJavaScriptTest extends ValidationTest {

	@BeforeAll
	static void startBrowser() {
		startBrowser(false);
	}

}
