package dev.flows.sample;

import org.springframework.test.context.TestPropertySource;

/** The shop's live purchases per step on the memory task store. */
@TestPropertySource(properties = "flows.store.type=memory")
class MemoryLiveTasksEndpointTest extends LiveTasksEndpointTestSupport {

	@Override
	String expectedStore() {
		return "memory";
	}

}
