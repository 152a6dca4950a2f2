package dev.flows.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import dev.flows.definition.Flow;
import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.state.TaskState;
import dev.flows.store.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two application nodes with the signed-cookie binder and no shared sessions, sharing one
 * real PostgreSQL or one real Redis: a browser starts a task on the first node, continues
 * it on the second and completes it back on the first.
 */
class FlowsSharedStoreWebTests {

	private static final String SCHEMA = "flows_shared_web_test";

	@BeforeAll
	static void createSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestServers.postgresJdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
	}

	static Stream<Arguments> nodes() {
		WebApplicationContextRunner base = new WebApplicationContextRunner()
			.withClassLoader(new FilteredClassLoader(ExceptionTranslationFilter.class))
			.withConfiguration(AutoConfigurations.of(FlowsStoreAutoConfiguration.class, FlowsAutoConfiguration.class,
					FlowsWebAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
			.withUserConfiguration(CheckoutApplication.class)
			.withPropertyValues("flows.binder.type=cookie", "flows.binder.cookie.secret=shared-by-every-node-0123",
					"flows.cleanup.enabled=false");
		String url = TestServers.postgresJdbcUrl();
		WebApplicationContextRunner postgres = base
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
			.withPropertyValues("flows.store.type=jpa",
					"spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
					"spring.datasource.username=postgres", "flows.jpa.initialize-schema=always");
		WebApplicationContextRunner redis = base
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("flows.store.type=redis", "spring.data.redis.url=" + TestServers.redisUrl(),
					"flows.redis.key-prefix=flows-shared-web-test:" + UUID.randomUUID() + ":");
		return Stream.of(Arguments.of("postgresql", postgres), Arguments.of("redis", redis));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nodes")
	void aBrowserMovesBetweenNodesWithItsSignedCookie(String name, WebApplicationContextRunner runner) {
		runner.run((first) -> runner.run((second) -> {
			MockMvc nodeOne = mockMvc(first);
			MockMvc nodeTwo = mockMvc(second);

			MvcResult started = nodeOne.perform(post("/checkout/pick").param("item", "lamp"))
				.andExpect(status().isSeeOther())
				.andReturn();
			Cookie cookie = started.getResponse().getCookie("FLOWS_BINDING");
			String address = started.getResponse().getRedirectedUrl();
			assertThat(address).startsWith("/checkout/address?_id=");
			String id = address.substring(address.indexOf("_id=") + 4);

			nodeTwo.perform(get(address).cookie(cookie)).andExpect(status().isOk());
			nodeTwo.perform(
					post("/checkout/address").param("_id", id).param("_v", "0").param("street", "Elm 2").cookie(cookie))
				.andExpect(status().isSeeOther())
				.andExpect(header().string("Location", "/checkout/confirm?_id=" + id));
			nodeTwo.perform(get("/checkout/confirm").param("_id", id))
				.andExpect(status().isSeeOther())
				.andExpect(header().string("Location", "/checkout?_restarted=true"));

			nodeOne.perform(post("/checkout/confirm").param("_id", id).param("_v", "1").cookie(cookie))
				.andExpect(status().isSeeOther())
				.andExpect(header().string("Location", "/done"));
		}));
	}

	private static MockMvc mockMvc(org.springframework.context.ApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Checkout.class, Pick.class, Address.class, Confirm.class })
	static class CheckoutApplication {

	}

	@Flow(path = "/checkout", children = { Pick.class, Address.class, Confirm.class }, onComplete = "redirect:/done")
	static class Checkout {

	}

	@FlowAction(view = "pages/pick.html")
	static class Pick {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome pick(@RequestParam String item, TaskState state) {
			state.put("item", item);
			return Outcome.complete();
		}

	}

	@FlowAction(view = "pages/address.html")
	static class Address {

		@OnGet
		void show() {
		}

		@OnPost
		Outcome address(@RequestParam String street, TaskState state) {
			state.put("street", street);
			return Outcome.complete();
		}

	}

	@FlowAction(view = "pages/confirm.html")
	static class Confirm {

		@OnGet
		void show() {
		}

	}

}
