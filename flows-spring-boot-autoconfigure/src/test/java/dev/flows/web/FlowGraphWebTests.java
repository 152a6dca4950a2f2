package dev.flows.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flows.web.testapp.CountingTaskStore;
import dev.flows.web.testapp.OrderApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /order/.flowgraph} with {@code flows.graph.enabled=true}: the three formats,
 * and a task's path marked only for whoever may see the task, by the rules of every flow
 * URL; the graph never writes a task. The order flow's nodes are numbered depth-first: n1
 * pick-item, n2 account (n3 sign-in, n4 register), n5 delivery, ..., n10 review.
 */
@SpringBootTest(classes = OrderApplication.class,
		properties = { "flows.graph.enabled=true", "management.endpoints.web.exposure.include=flows" })
@AutoConfigureMockMvc
class FlowGraphWebTests {

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	MockMvc mvc;

	@Autowired
	CountingTaskStore store;

	private final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void reset() {
		this.store.down = false;
		this.store.resetCounts();
	}

	@Test
	void theGraphIsAnSvgImageNamingEveryStepAndReadingNoTask() throws Exception {
		MockHttpServletResponse response = graph(get("/order/.flowgraph"), null);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/svg+xml;charset=UTF-8");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
		String svg = response.getContentAsString();
		assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
		for (String title : new String[] { "Sign in", "Register", "Delivery speed", "Street", "City" }) {
			assertThat(svg).contains(">" + title + "</text>");
		}
		assertThat(svg).doesNotContain(" current\"").doesNotContain(" visited\"");
		assertThat(this.store.finds.get()).isZero();
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void dotAndMermaidAreTextOfTheSameGraph() throws Exception {
		MockHttpServletResponse dot = graph(get("/order/.flowgraph").param("format", "dot"), null);
		assertThat(dot.getContentType()).isEqualTo("text/vnd.graphviz;charset=UTF-8");
		assertThat(dot.getContentAsString()).startsWith("digraph \"order-flow\" {")
			.contains("subgraph cluster_n7 {")
			.contains("n8 [label=\"Street\\nstreet\"]");

		MockHttpServletResponse mermaid = graph(get("/order/.flowgraph").param("format", "mermaid"), null);
		assertThat(mermaid.getContentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(mermaid.getContentAsString()).startsWith("flowchart TB\n")
			.contains("subgraph n2[\"")
			.contains("  n3 -. goTo .-> n4\n");
	}

	@Test
	void anUnknownFormatIsABadRequestThatNamesTheFormats() throws Exception {
		MockHttpServletResponse response = graph(get("/order/.flowgraph").param("format", "png"), null);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("format=svg")
			.contains("format=dot")
			.contains("format=mermaid");
	}

	@Test
	void onlyGetAndHeadAreAllowed() throws Exception {
		assertThat(graph(post("/order/.flowgraph").with(csrf()), null).getStatus()).isEqualTo(405);
		assertThat(graph(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head("/order/.flowgraph"),
				null)
			.getStatus()).isEqualTo(200);
	}

	@Test
	void theOwnerSeesTheCurrentStepAndPathMarkedAndNothingIsWritten() throws Exception {
		String id = start("ann");
		this.store.resetCounts();

		MockHttpServletResponse response = graph(get("/order/.flowgraph").param("_id", id).param("format", "mermaid"),
				"ann");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentAsString()).contains("\n  class n3 current\n")
			.contains("\n  class n1 visited\n")
			.contains("\n  linkStyle 0 stroke:");
		String svg = graph(get("/order/.flowgraph").param("_id", id), "ann").getContentAsString();
		assertThat(svg).contains("<g id=\"n3\" class=\"node action current\">")
			.contains("<g id=\"n1\" class=\"node action visited\">");
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void anotherUserInTheSameBrowserGetsNotFoundAndNoPath() throws Exception {
		String id = start("ann");

		for (String stranger : new String[] { "bob", null }) {
			MockHttpServletResponse response = graph(
					get("/order/.flowgraph").param("_id", id).param("format", "mermaid"), stranger);
			assertThat(response.getStatus()).as("as %s", stranger).isEqualTo(404);
			assertThat(response.getContentAsString()).doesNotContain("current").doesNotContain("Sign in");
		}
	}

	@Test
	void anotherBrowserGetsNotFoundLikeForAnUnknownOrMalformedId() throws Exception {
		String id = start(null);
		MockHttpSession otherBrowser = new MockHttpSession();

		String foreign = this.mvc.perform(get("/order/.flowgraph").param("_id", id).session(otherBrowser))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = this.mvc
			.perform(get("/order/.flowgraph").param("_id", "AAAAAAAAAAAAAAAAAAAAAA").session(otherBrowser))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(get("/order/.flowgraph").param("_id", "my-order").session(otherBrowser))
			.andExpect(status().isNotFound());
		assertThat(foreign).isEqualTo(unknown);
	}

	@Test
	void anAnonymousTaskIsShownToWhoeverSignedInSinceButNotAdopted() throws Exception {
		String id = start(null);
		this.store.resetCounts();

		MockHttpServletResponse response = graph(get("/order/.flowgraph").param("_id", id), "ann");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("class=\"node action current\"");
		assertThat(this.store.writes()).isZero();
		assertThat(this.store.find(id).orElseThrow().owner()).isEmpty();
	}

	@Test
	void theActuatorEndpointShowsEachFlowsTree() throws Exception {
		this.mvc.perform(get("/actuator/flows"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.flows[0].id").value("order-flow"))
			.andExpect(jsonPath("$.flows[0].tree.name").value("/order"))
			.andExpect(jsonPath("$.flows[0].tree.kind").value("scaffold"))
			.andExpect(jsonPath("$.flows[0].tree.transition").value("linear"))
			.andExpect(jsonPath("$.flows[0].tree.children.length()").value(4))
			.andExpect(jsonPath("$.flows[0].tree.children[1].name").value("account"))
			.andExpect(jsonPath("$.flows[0].tree.children[1].transition").value("explicit"))
			.andExpect(jsonPath("$.flows[0].tree.children[1].children[0].title").value("Sign in"))
			.andExpect(jsonPath("$.flows[0].tree.children[1].children[0].kind").value("action"))
			.andExpect(jsonPath("$.flows[0].tree.children[2].children[1].children[1].name").value("city"))
			.andExpect(jsonPath("$.flows[0].tree.children[3].preconditions[0]").value("login required"));
	}

	/** Starts the order flow in this test's browser as {@code user} (or anonymously). */
	private String start(String user) throws Exception {
		MockHttpServletRequestBuilder request = post("/order/pick-item").param("item", "book")
			.session(this.session)
			.with(csrf());
		if (user != null) {
			request.with(user(user));
		}
		String location = this.mvc.perform(request)
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Matcher matcher = TASK_ID.matcher(location);
		assertThat(matcher.find()).as("task id in " + location).isTrue();
		return matcher.group(1);
	}

	/** A request in this test's browser, as {@code user} or anonymously. */
	private MockHttpServletResponse graph(MockHttpServletRequestBuilder request, String user) throws Exception {
		request.session(this.session);
		if (user != null) {
			request.with(user(user));
		}
		else {
			this.session.removeAttribute(
					org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
