package dev.flows.web;

import dev.flows.web.testapp.OrderApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without {@code flows.graph.enabled}, a flow's graph path is unknown like any other. */
@SpringBootTest(classes = OrderApplication.class)
@AutoConfigureMockMvc
class FlowGraphDisabledWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theGraphPathIsNotFoundByDefault() throws Exception {
		this.mvc.perform(get("/order/.flowgraph")).andExpect(status().isNotFound());
		this.mvc.perform(get("/order/.flowgraph").param("format", "dot")).andExpect(status().isNotFound());
	}

}
