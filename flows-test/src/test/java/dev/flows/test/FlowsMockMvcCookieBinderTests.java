package dev.flows.test;

import dev.flows.test.app.JoinApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FlowsMockMvc} with the cookie binder: the task is tied to a signed cookie, which
 * the browser keeps and sends like a real one.
 */
@SpringBootTest(classes = JoinApplication.class,
		properties = { "flows.binder.type=cookie", "flows.binder.cookie.secret=0123456789abcdef-kit-secret" })
@AutoConfigureMockMvc
class FlowsMockMvcCookieBinderTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theBindingCookieIsCarriedFromPageToPage() {
		FlowsMockMvc browser = FlowsMockMvc.of(this.mvc);

		browser.start("/join").fill("name", "Cora").fill("email", "cora@example.com").submit();
		browser.fill("plan", "pro").submit();

		assertThat(browser).isAtStep("newsletter").hasState("plan", "pro");
	}

	@Test
	void anotherBrowserWithoutTheCookieCannotContinueTheTask() {
		FlowsMockMvc first = FlowsMockMvc.of(this.mvc);
		first.start("/join").fill("name", "Cora").fill("email", "cora@example.com").submit();
		FlowsMockMvc second = FlowsMockMvc.of(this.mvc);

		second.open(first.page().uri());

		assertThat(second).isAtStep("name").isRestarted();
		assertThat(first).isAtStep("choose/plan").hasState("name", "Cora");
	}

}
