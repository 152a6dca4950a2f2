package dev.flows.benchmark;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.OnGet;
import dev.flows.definition.Outcome;
import dev.flows.definition.Position;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.StepEntry;
import dev.flows.engine.StepRequest;
import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;
import dev.flows.engine.TaskTimeouts;
import dev.flows.state.TaskState;
import dev.flows.state.TaskStateCodec;
import dev.flows.store.memory.InMemoryTaskStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What one request costs the engine, as ratios against a baseline measured in the same
 * run, so the figures mean something on a noisy shared machine.
 * <ul>
 * <li>{@code jsonBaseline}: the floor any store-backed wizard pays per request: read the
 * task's state JSON and write it back.</li>
 * <li>{@code readPage}: what a GET of a step costs: load, decode, check access and
 * preconditions (no write).</li>
 * <li>{@code submitStep}: what a POST costs: claim and load, apply the outcome, run the
 * transition, save (plus one load to know which way to go, which the web layer does not
 * need).</li>
 * </ul>
 * Each runs with 1,000 and 100,000 tasks in the store: the ratio between the two shows
 * how the cost scales with the number of live tasks.
 * <p>
 * Run: {@code bash scripts/benchmark.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {

	@Param({ "1000", "100000" })
	public int liveTasks;

	private FlowEngine engine;

	private TaskStateCodec codec;

	private String stateJson;

	private String taskId;

	private final Position first = Position.parse("first");

	private FlowDefinition flow;

	@Setup(Level.Trial)
	public void setUp() {
		this.codec = TaskStateCodec.withDefaults();
		FlowDefinition flow = FlowBuilder.flow("bench", "/bench").action(First.class).action(Second.class).build();
		this.flow = flow;
		this.engine = new FlowEngine(new FlowRegistry(List.of(flow)), new InMemoryTaskStore(Integer.MAX_VALUE),
				this.codec, List.of(), Clock.systemUTC(), TaskTimeouts.DEFAULTS);
		for (int i = 0; i < this.liveTasks; i++) {
			Task task = this.engine.newTask(flow, "binding", null);
			fill(task.state());
			this.engine.save(task);
			this.taskId = task.id();
		}
		this.stateJson = this.codec.write(this.engine.load(this.taskId).state());
	}

	private static void fill(TaskState state) {
		state.put("item", new Item("sku-1234", "A reading lamp with a long name", 4999, List.of("brass", "large")));
		state.put("address", new Address("Anna Example", "12 Long Street", "Springfield", "12345", "US"));
		state.put("card", new Card("4111********1111", "12/29", "Anna Example"));
	}

	@Benchmark
	public String jsonBaseline() {
		TaskState state = this.codec.read(this.stateJson);
		state.put("visited", Boolean.TRUE);
		return this.codec.write(state);
	}

	@Benchmark
	public Object readPage() {
		return this.engine.enter(new StepRequest(this.flow, StepRequest.Kind.RENDER, this.first, this.taskId, null,
				null, TaskBinding.NONE));
	}

	@Benchmark
	public Task submitStep() {
		Task task = this.engine.load(this.taskId);
		boolean forward = task.position().equals(this.first);
		StepEntry entry = this.engine
			.enter(new StepRequest(this.flow, forward ? StepRequest.Kind.SUBMIT : StepRequest.Kind.BACK,
					task.position(), this.taskId, task.version(), null, TaskBinding.NONE));
		Task claimed = ((StepEntry.Proceed) entry).task();
		if (forward) {
			this.engine.complete(claimed, this.first, Outcome.complete(), null);
		}
		else {
			this.engine.goBack(claimed, null);
		}
		return claimed;
	}

	public static void main(String[] args) throws Exception {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(EngineBenchmark.class.getSimpleName()).build())
			.run();
		Map<String, Double> scores = new TreeMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark().replaceAll(".*\\.", "") + "@"
					+ result.getParams().getParam("liveTasks");
			scores.put(name, result.getPrimaryResult().getScore());
		}
		List<String> lines = new ArrayList<>();
		for (String tasks : List.of("1000", "100000")) {
			double baseline = scores.get("jsonBaseline@" + tasks);
			lines.add(String.format(Locale.ROOT, "%7s tasks: readPage = %.2f x baseline, submitStep = %.2f x baseline",
					tasks, scores.get("readPage@" + tasks) / baseline, scores.get("submitStep@" + tasks) / baseline));
		}
		lines.add(String.format(Locale.ROOT, "scale 100000/1000 tasks: readPage %.2f, submitStep %.2f",
				scores.get("readPage@100000") / scores.get("readPage@1000"),
				scores.get("submitStep@100000") / scores.get("submitStep@1000")));
		System.out.println();
		System.out.println("Flows engine cost, as ratios to the JSON round trip of the same state:");
		lines.forEach(System.out::println);
	}

	public record Item(String sku, String name, int priceCents, List<String> options) {
	}

	public record Address(String name, String street, String city, String postcode, String country) {
	}

	public record Card(String maskedNumber, String expiry, String holder) {
	}

	@FlowAction
	static class First {

		@OnGet
		String show() {
			return "first";
		}

	}

	@FlowAction
	static class Second {

		@OnGet
		String show() {
			return "second";
		}

	}

}
