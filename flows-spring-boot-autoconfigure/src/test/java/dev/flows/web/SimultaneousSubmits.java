package dev.flows.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.flows.web.testapp.PickItem;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Copies of one submit sent at once, as a double click sends them: the step's handler
 * ({@link PickItem}, note "slow") holds the first copy until every copy was sent.
 */
final class SimultaneousSubmits {

	private SimultaneousSubmits() {
	}

	static List<MockHttpServletResponse> send(MockMvc mvc, PickItem pickItem, int copies,
			Supplier<MockHttpServletRequestBuilder> request) throws Exception {
		pickItem.sent.set(0);
		pickItem.copies = copies;
		ExecutorService pool = Executors.newFixedThreadPool(copies);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
			for (int i = 0; i < copies; i++) {
				sent.add(pool.submit(() -> {
					go.await();
					pickItem.sent.incrementAndGet();
					return mvc.perform(request.get()).andReturn().getResponse();
				}));
			}
			go.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> response : sent) {
				responses.add(response.get(30, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
			pickItem.copies = 0;
		}
	}

}
