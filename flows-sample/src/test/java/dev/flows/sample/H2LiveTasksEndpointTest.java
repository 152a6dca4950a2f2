package dev.flows.sample;

/**
 * The shop's live purchases per step on its default task store: JPA, on the embedded H2
 * that holds the shop's tables. The configuration is the other tests' own, so they share
 * one context.
 */
class H2LiveTasksEndpointTest extends LiveTasksEndpointTestSupport {

	@Override
	String expectedStore() {
		return "jpa on H2";
	}

}
