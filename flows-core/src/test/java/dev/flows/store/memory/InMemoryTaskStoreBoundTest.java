package dev.flows.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.flows.engine.TaskIds;
import dev.flows.store.ClaimResult;
import dev.flows.store.TaskRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The memory store holds a bounded number of tasks and makes room by dropping those
 * nearest their expiry.
 */
@ExtendWith(OutputCaptureExtension.class)
class InMemoryTaskStoreBoundTest {

	private static final String WARNING = "The in-memory task store reached its maximum";

	private final Instant now = Instant.parse("2030-01-01T10:00:00Z");

	@Test
	void aFullStoreDropsTheTasksNearestTheirExpiryExpiredOnesFirst() {
		InMemoryTaskStore store = new InMemoryTaskStore(4);
		TaskRecord tenMinutes = task(Duration.ofMinutes(10));
		TaskRecord expired = task(Duration.ofMinutes(-1));
		TaskRecord oneMinute = task(Duration.ofMinutes(1));
		TaskRecord halfAnHour = task(Duration.ofMinutes(30));
		List.of(tenMinutes, expired, oneMinute, halfAnHour).forEach(store::insert);
		assertThat(store.size()).isEqualTo(4);

		TaskRecord twentyMinutes = task(Duration.ofMinutes(20));
		store.insert(twentyMinutes);
		assertThat(store.find(expired.id())).as("expired first of all").isEmpty();
		assertThat(store.size()).isEqualTo(4);

		assertThat(store.touch(oneMinute.id(), this.now.plus(Duration.ofHours(1)))).isTrue();
		TaskRecord fiveMinutes = task(Duration.ofMinutes(5));
		store.insert(fiveMinutes);
		assertThat(store.find(tenMinutes.id())).as("the nearest expiry once the touched task moved on").isEmpty();
		assertThat(store.find(oneMinute.id())).isPresent();

		assertThat(store.insertClaimed(task(Duration.ofMinutes(40)), "token", this.now.plusSeconds(30))).isTrue();
		assertThat(store.find(fiveMinutes.id())).as("a claimed insert makes room too").isEmpty();
		assertThat(store.size()).isEqualTo(4);
		assertThat(store.find(halfAnHour.id())).isPresent();
		assertThat(store.find(twentyMinutes.id())).isPresent();
	}

	@Test
	void roomIsMadeInBatchesOfAHundredthOfTheMaximum() {
		InMemoryTaskStore store = new InMemoryTaskStore(500);
		List<TaskRecord> tasks = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			// inserted in no particular order of expiry
			tasks.add(task(Duration.ofSeconds(1 + (i * 7919L) % 500)));
		}
		tasks.forEach(store::insert);
		assertThat(store.size()).isEqualTo(500);
		store.insert(task(Duration.ofHours(1)));
		assertThat(store.size()).as("five dropped, one inserted").isEqualTo(496);
		List<TaskRecord> dropped = tasks.stream().filter((task) -> store.find(task.id()).isEmpty()).toList();
		assertThat(dropped).extracting(TaskRecord::expiresAt)
			.containsExactlyInAnyOrder(this.now.plusSeconds(1), this.now.plusSeconds(2), this.now.plusSeconds(3),
					this.now.plusSeconds(4), this.now.plusSeconds(5));
		for (int i = 0; i < 4; i++) {
			store.insert(task(Duration.ofHours(1)));
		}
		assertThat(store.size()).as("nothing dropped until full again").isEqualTo(500);
	}

	@Test
	void reachingTheMaximumIsLoggedOnceWithHowToRaiseIt(CapturedOutput output) {
		InMemoryTaskStore store = new InMemoryTaskStore(3);
		for (int i = 0; i < 3; i++) {
			store.insert(task(Duration.ofMinutes(i + 1)));
		}
		assertThat(output).doesNotContain(WARNING);
		for (int i = 0; i < 10; i++) {
			store.insert(task(Duration.ofMinutes(10 + i)));
		}
		assertThat(output.getAll().split(WARNING, -1)).as("logged exactly once").hasSize(2);
		assertThat(output).contains("maximum of 3 tasks", "flows.store.memory.max-tasks",
				"new InMemoryTaskStore(maxTasks)");
	}

	@Test
	void claimsAndUpdatesOfKeptTasksAreUnaffected() {
		InMemoryTaskStore store = new InMemoryTaskStore(2);
		TaskRecord kept = task(Duration.ofHours(1));
		store.insert(kept);
		assertThat(store.claim(kept.id(), 0, "token", this.now, this.now.plusSeconds(30)).status())
			.isEqualTo(ClaimResult.Status.CLAIMED);
		store.insert(task(Duration.ofMinutes(1)));
		store.insert(task(Duration.ofMinutes(2)));
		assertThat(store.claim(kept.id(), 0, "other", this.now, this.now.plusSeconds(30)))
			.isEqualTo(ClaimResult.busy(kept));
		store.update(kept.withVersion(1), 0);
		assertThat(store.find(kept.id())).contains(kept.withVersion(1));
	}

	@Test
	void concurrentInsertsStayNearTheMaximum() throws Exception {
		int threads = 8;
		int maxTasks = 1_000;
		InMemoryTaskStore store = new InMemoryTaskStore(maxTasks);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> inserters = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				inserters.add(pool.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						store.insert(task(Duration.ofSeconds(offset + threads * (long) i)));
						assertThat(store.size()).isLessThanOrEqualTo(maxTasks + threads);
					}
				}));
			}
			for (Future<?> inserter : inserters) {
				inserter.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(store.size()).isBetween(maxTasks - maxTasks / 100, maxTasks + threads);
	}

	@Test
	void theDefaultMaximumIsTenThousandAndAMaximumBelowOneIsRejected() {
		assertThat(InMemoryTaskStore.DEFAULT_MAX_TASKS).isEqualTo(10_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryTaskStore(0))
			.withMessageContaining("maxTasks must be at least 1");
	}

	private TaskRecord task(Duration expiresIn) {
		return new TaskRecord(TaskIds.newId(), "f", "p", null, null, null, null, "ACTIVE", 0, this.now, this.now,
				this.now.plus(expiresIn));
	}

}
