package dev.flows.web;

import jakarta.servlet.http.Cookie;

import dev.flows.engine.FlowEngine;
import dev.flows.web.testapp.OrderApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed-cookie binder, for several nodes without shared sessions, and unknown tasks
 * answered with 404 instead of a restart.
 */
@SpringBootTest(classes = OrderApplication.class,
		properties = { "flows.binder.type=cookie", "flows.binder.cookie.secret=a-test-secret-of-some-length",
				"flows.task.on-unknown=not-found" })
@AutoConfigureMockMvc
class FlowWebCookieBinderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FlowEngine engine;

	@Test
	void taskIsBoundToTheSignedCookieAloneWithoutAnySession() throws Exception {
		MvcResult created = this.mvc.perform(post("/order/pick-item").param("item", "book").with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		Cookie binding = created.getResponse().getCookie("FLOWS_BINDING");
		assertThat(binding).isNotNull();
		assertThat(binding.isHttpOnly()).isTrue();
		String location = created.getResponse().getRedirectedUrl();
		this.mvc.perform(get(location).cookie(binding)).andExpect(status().isOk());
		this.mvc.perform(get(location)).andExpect(status().isNotFound());
		String value = binding.getValue();
		Cookie forged = new Cookie("FLOWS_BINDING", "AAAA" + value.substring(4));
		this.mvc.perform(get(location).cookie(forged)).andExpect(status().isNotFound());
	}

	@Test
	void unknownTaskIsNotFoundWhenConfigured() throws Exception {
		this.mvc.perform(get("/order/account/sign-in").param("_id", "AAAAAAAAAAAAAAAAAAAAAA"))
			.andExpect(status().isNotFound());
	}

}
