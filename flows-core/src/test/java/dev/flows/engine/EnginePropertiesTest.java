package dev.flows.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.flows.definition.FlowRegistry;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.EngineDriver.Act;
import dev.flows.engine.EngineDriver.Back;
import dev.flows.engine.EngineDriver.Cancel;
import dev.flows.engine.EngineDriver.Fault;
import dev.flows.engine.EngineDriver.Finish;
import dev.flows.engine.EngineDriver.FirstFormAgain;
import dev.flows.engine.EngineDriver.Handler;
import dev.flows.engine.EngineDriver.Op;
import dev.flows.engine.EngineDriver.Render;
import dev.flows.engine.EngineDriver.StaleSubmit;
import dev.flows.engine.EngineDriver.Start;
import dev.flows.engine.EngineDriver.Submit;
import dev.flows.engine.EngineDriver.Tick;
import dev.flows.engine.EngineDriver.Val;
import dev.flows.engine.EngineDriver.Where;
import dev.flows.engine.RandomFlow.Branch;
import dev.flows.engine.RandomFlow.Kind;
import dev.flows.engine.RandomFlow.Leaf;
import dev.flows.engine.RandomFlow.Shape;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over random flows and random things users do, through the
 * request API alone (see {@link EngineDriver} for what is checked after every operation).
 * <p>
 * Flows: random trees of scaffolds and actions, actions up to
 * {@value RandomFlow#MAX_DEPTH} levels below the root, each scaffold linear, explicit
 * (its actions declaring goTo targets among their siblings and the children of outer
 * scaffolds) or choosing children by a state value. Operations: submits of the current
 * step (complete, goTo, redisplay, cancel, a failing handler, a handler that never
 * returns), submits of a step in the history (a rewind), of any node, of a stale version,
 * the first form again, Back, Cancel, page reads, time passing (claims lapse), a store
 * that is down for a claim, a save or a delete, and a hook that vetoes a move; a submit
 * may be left running while other requests arrive.
 */
class EnginePropertiesTest {

	@Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
	void theEngineKeepsItsRulesWhateverUsersDo(@ForAll("flows") Branch shape, @ForAll("operations") List<Op> ops) {
		EngineDriver driver = new EngineDriver(RandomFlow.of(shape));

		driver.run(ops);

		Statistics.label("depth").collect(shape.depth());
		Statistics.label("actions").collect(bucket(shape.actions()));
		Statistics.label("operations").collect(bucket(ops.size()));
		Statistics.label("handler runs").collect(bucket(driver.runs().size()));
		driver.happened().forEach((what) -> Statistics.label("tries where this happened").collect(what));
	}

	/**
	 * The same checks, with operations that mostly leave handlers running, let their
	 * claims lapse, and submit the same version again: duplicates, takeovers and saves
	 * that lose the race.
	 */
	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void aHandlerRunsOncePerVersionUnlessItsClaimLapsedOrItSavedNothing(@ForAll("flows") Branch shape,
			@ForAll("claimOperations") List<Op> ops) {
		EngineDriver driver = new EngineDriver(RandomFlow.of(shape));

		driver.run(ops);

		Statistics.label("handler runs").collect(bucket(driver.runs().size()));
		driver.happened().forEach((what) -> Statistics.label("tries where this happened").collect(what));
	}

	/**
	 * Requests for one task version arriving at the same moment on several threads
	 * (double clicks, retries reaching other nodes, a Back among them): exactly one is
	 * let through each time, so exactly one handler runs and one save is made, whether
	 * duplicates wait for the claim or not.
	 */
	@Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
	void ofRequestsArrivingTogetherForOneVersionExactlyOneProceeds(@ForAll("flows") Branch shape,
			@ForAll @IntRange(min = 2, max = 4) int threads, @ForAll @IntRange(min = 1, max = 5) int rounds,
			@ForAll boolean withBack, @ForAll boolean duplicatesWait) throws Exception {
		RandomFlow random = RandomFlow.of(shape);
		FlowEngine engine = new FlowEngine(new FlowRegistry(List.of(random.flow())), new InMemoryTaskStore(),
				TaskStateCodec.withDefaults(), List.of(), new MutableClock(EngineDriver.START),
				new TaskTimeouts(Duration.ofHours(2), Duration.ofHours(2), Duration.ofMinutes(1),
						EngineDriver.CLAIM_TIMEOUT, duplicatesWait ? Duration.ofSeconds(2) : Duration.ZERO));
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		try {
			String id = ((StepEntry.Proceed) engine.enter(
					new StepRequest(random.flow(), StepRequest.Kind.ENTRY, null, null, null, null, TaskBinding.NONE)))
				.task()
				.id();
			Position entry = Position.parse(random.entry(0));
			// The entry page's first submit, with no version: one task is created.
			List<StepRequest> firsts = Collections.nCopies(threads, submit(random, entry, id, null));
			assertThat(together(pool, firsts, engine)).as("first submits let through").isEqualTo(1);
			assertThat(engine.load(id).version()).isEqualTo(1);
			for (int round = 0; round < rounds; round++) {
				Task task = engine.load(id);
				if (task.isCompleted()) {
					break;
				}
				long version = task.version();
				List<StepRequest> requests = new ArrayList<>(
						Collections.nCopies(threads, submit(random, task.position(), id, version)));
				if (withBack && !task.history().isEmpty()) {
					requests.add(new StepRequest(random.flow(), StepRequest.Kind.BACK, null, id, version, null,
							TaskBinding.NONE));
				}
				assertThat(together(pool, requests, engine)).as("requests for version %d let through", version)
					.isEqualTo(1);
				assertThat(engine.load(id).version()).as("saves of version %d", version).isEqualTo(version + 1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static StepRequest submit(RandomFlow random, Position position, String id, Long version) {
		return new StepRequest(random.flow(), StepRequest.Kind.SUBMIT, position, id, version, null, TaskBinding.NONE);
	}

	/**
	 * Sends the requests at once; each one let through does what its front end would: a
	 * submit's handler puts a value and completes the step, a Back goes back. Returns how
	 * many were let through.
	 */
	private static int together(ExecutorService pool, List<StepRequest> requests, FlowEngine engine) throws Exception {
		CountDownLatch ready = new CountDownLatch(requests.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> answers = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			StepRequest request = requests.get(i);
			int which = i;
			answers.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				StepEntry answer = engine.enter(request);
				if (!(answer instanceof StepEntry.Proceed proceed)) {
					assertThat(answer).isInstanceOf(StepEntry.Redirect.class);
					return false;
				}
				Task task = proceed.task();
				if (request.kind() == StepRequest.Kind.BACK) {
					engine.goBack(task, null);
				}
				else {
					task.state().put(task.currentAction().ownedStateKeys().iterator().next(), which);
					engine.complete(task, request.position(), Outcome.complete(), null);
				}
				return true;
			}));
		}
		ready.await();
		go.countDown();
		int proceeded = 0;
		for (Future<Boolean> answer : answers) {
			proceeded += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		return proceeded;
	}

	@Property(tries = 200)
	void aRandomFlowIsBuiltAsGeneratedAndEveryActionIsALeaf(@ForAll("flows") Branch shape) {
		RandomFlow random = RandomFlow.of(shape);

		assertThat(random.flow().positions().stream().filter((position) -> random.flow().action(position).isPresent()))
			.hasSize(shape.actions());
		assertThat(random.flow().positions().stream().mapToInt((position) -> position.depth()).max().orElseThrow())
			.isEqualTo(shape.depth());
		assertThat(random.flow().action(Position.parse(random.entry(0)))).isPresent();
	}

	// --- flows
	// ----------------------------------------------------------------------------------------

	@Provide
	Arbitrary<Branch> flows() {
		return branch(0).filter((shape) -> shape.actions() <= RandomFlow.POOL.length);
	}

	/** A scaffold whose children sit {@code depth + 1} levels below the root. */
	private static Arbitrary<Branch> branch(int depth) {
		Arbitrary<Shape> child = (depth + 1 >= RandomFlow.MAX_DEPTH) ? leaf()
				: Arbitraries.frequencyOf(Tuple.of((depth < 2) ? 1 : 3, leaf()),
						Tuple.of((depth == 0) ? 2 : (depth == 1) ? 1 : 2, Arbitraries.lazy(() -> branch(depth + 1))));
		return Combinators.combine(Arbitraries.of(Kind.class), child.list().ofMinSize(1).ofMaxSize((depth < 2) ? 4 : 3))
			.as(Branch::new);
	}

	private static Arbitrary<Shape> leaf() {
		return Arbitraries.integers()
			.between(0, 9)
			.list()
			.ofMaxSize(3)
			.withSizeDistribution(RandomDistribution.uniform())
			.map(Leaf::new);
	}

	// --- operations
	// -----------------------------------------------------------------------------------

	@Provide
	Arbitrary<List<Op>> operations() {
		Arbitrary<Op> op = Arbitraries.frequencyOf(Tuple.of(34, submit(Where.CURRENT)),
				Tuple.of(16, submit(Where.HISTORY)), Tuple.of(4, submit(Where.ANY)),
				Tuple.of(5, Combinators.combine(index(), Arbitraries.integers().between(0, 2)).as(StaleSubmit::new)),
				Tuple.of(3, Combinators.combine(handler(), fault(), pending()).as(FirstFormAgain::new)),
				Tuple.of(8, Combinators.combine(index(), handler(), fault()).as(Finish::new)),
				Tuple.of(11, Combinators.combine(Arbitraries.of(true, false), fault()).as(Back::new)),
				Tuple.of(2, fault().map(Cancel::new)),
				Tuple.of(5, Combinators.combine(Arbitraries.of(Where.class), index()).as(Render::new)),
				Tuple.of(6, Arbitraries.of(1, 5, 31, 31).map(Tick::new)), Tuple.of(8, start()));
		return Combinators.combine(start(), op.list().ofMaxSize(29).withSizeDistribution(RandomDistribution.uniform()))
			.as((first, rest) -> {
				List<Op> ops = new ArrayList<>();
				ops.add(first);
				ops.addAll(rest);
				return ops;
			});
	}

	@Provide
	Arbitrary<List<Op>> claimOperations() {
		Arbitrary<Boolean> often = Arbitraries.of(true, false);
		Arbitrary<Op> op = Arbitraries
			.frequencyOf(
					Tuple.of(30,
							Combinators.combine(index(), handler(), fault(), often)
								.as((index, handler, fault, pending) -> new Submit(Where.CURRENT, index, handler, fault,
										pending))),
					Tuple.of(6,
							Combinators.combine(index(), handler(), fault(), often)
								.as((index, handler, fault, pending) -> new Submit(Where.HISTORY, index, handler, fault,
										pending))),
					Tuple.of(20, Combinators.combine(index(), handler(), fault()).as(Finish::new)),
					Tuple.of(15, Arbitraries.of(5, 31).map(Tick::new)),
					Tuple.of(5,
							Combinators.combine(index(), Arbitraries.integers().between(0, 2)).as(StaleSubmit::new)),
					Tuple.of(5, Combinators.combine(handler(), fault(), often).as(FirstFormAgain::new)),
					Tuple.of(6, Combinators.combine(Arbitraries.of(true, false), fault()).as(Back::new)),
					Tuple.of(3, start()));
		return Combinators.combine(start(), op.list().ofMaxSize(29).withSizeDistribution(RandomDistribution.uniform()))
			.as((first, rest) -> {
				List<Op> ops = new ArrayList<>();
				ops.add(first);
				ops.addAll(rest);
				return ops;
			});
	}

	private static Arbitrary<Op> start() {
		return Combinators.combine(handler(), fault(), pending()).as(Start::new);
	}

	private static Arbitrary<Op> submit(Where where) {
		return Combinators.combine(index(), handler(), fault(), pending())
			.as((index, handler, fault, pending) -> new Submit(where, index, handler, fault, pending));
	}

	private static Arbitrary<Integer> index() {
		return Arbitraries.integers().between(0, 40);
	}

	private static Arbitrary<Boolean> pending() {
		return Arbitraries.frequency(Tuple.of(88, false), Tuple.of(12, true));
	}

	private static Arbitrary<Fault> fault() {
		return Arbitraries.frequency(Tuple.of(80, Fault.NONE), Tuple.of(5, Fault.VETO_FIRST),
				Tuple.of(3, Fault.VETO_SECOND), Tuple.of(3, Fault.FAIL_CLAIM), Tuple.of(6, Fault.FAIL_UPDATE),
				Tuple.of(3, Fault.FAIL_DELETE));
	}

	private static Arbitrary<Handler> handler() {
		Arbitrary<Act> act = Arbitraries.frequency(Tuple.of(42, Act.COMPLETE), Tuple.of(30, Act.GO_TO),
				Tuple.of(8, Act.REDISPLAY), Tuple.of(2, Act.CANCEL), Tuple.of(5, Act.THROW), Tuple.of(3, Act.ABANDON),
				Tuple.of(2, Act.GO_TO_UNDECLARED));
		Arbitrary<Integer> pick = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(-3, 6)),
				Tuple.of(1, Arbitraries.just(null)));
		return Combinators.combine(act, index(), value(), pick).as(Handler::new);
	}

	// --- state values
	// ---------------------------------------------------------------------------------

	/**
	 * A value of one of the kinds steps keep in state, with the type it is read back as.
	 */
	static Arbitrary<Val> value() {
		Arbitrary<String> text = text();
		return Arbitraries.oneOf(Arbitraries.integers().map((value) -> new Val(value, Integer.class)),
				Arbitraries.longs().map((value) -> new Val(value, Long.class)),
				text.map((value) -> new Val(value, String.class)),
				Arbitraries.of(true, false).map((value) -> new Val(value, Boolean.class)),
				Combinators
					.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
							Arbitraries.integers().between(0, 4))
					.as((unscaled, scale) -> new Val(BigDecimal.valueOf(unscaled, scale), BigDecimal.class)),
				Arbitraries.doubles().map((value) -> new Val(value, Double.class)),
				text.list().ofMaxSize(3).map((value) -> new Val(value, List.class)),
				Arbitraries.maps(text, Arbitraries.integers()).ofMaxSize(3).map((value) -> new Val(value, Map.class)),
				Combinators.combine(text, Arbitraries.integers().between(0, 99), text.list().ofMaxSize(2))
					.as((name, quantity, tags) -> new Val(new Item(name, quantity, tags), Item.class)));
	}

	private static Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().whitespace().ofMaxLength(12),
				Arbitraries.strings().withChars("\"\\/<>&'\u00e9\u00df\u20ac\u4e2d\u0000\t\n").ofMaxLength(6),
				Arbitraries.of("\ud83d\ude00", "\u00e9t\u00e9 \u2603", ""));
	}

	/** A record, as steps keep forms. */
	record Item(String name, int quantity, List<String> tags) {
	}

	private static String bucket(int count) {
		int low = (count / 10) * 10;
		return String.format("%02d-%02d", low, low + 9);
	}

}
