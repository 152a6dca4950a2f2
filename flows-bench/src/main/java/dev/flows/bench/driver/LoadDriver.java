package dev.flows.bench.driver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver: virtual users that complete whole flows the way a browser does
 * (cookies, redirects, the form's action and hidden fields), against several variants of
 * the same flow, in alternating rounds, each variant getting the same time per round.
 * Only the JDK: run it as a separate JVM with
 * {@code java -cp flows-bench/target/classes dev.flows.bench.driver.LoadDriver}.
 * <p>
 * A variant is {@code key|label|entry URL|app pid|size kind|store server process name}:
 * <pre>
 * --variant 'a|plain, HttpSession|http://127.0.0.1:8181/plain|12345|session|'
 * --variant 'd-pg|Flows, JPA on PostgreSQL|http://127.0.0.1:8184/flows|12348|task|postgres'
 * </pre> Each flow is a new visitor (a new cookie jar): the entry page (following
 * redirects), then three submits, each followed to the page it redirects to; each page
 * must show the step expected ({@code id="step-name"}, ... {@code id="step-done"}), or
 * the flow counts as an error. Measured per variant: completed flows per second, latency
 * per step (p50, p99: a submit and the redirect it answers with), the app's CPU time per
 * flow ({@code /proc/PID/stat}, user + system, over the measured time only), the CPU of
 * the store server's processes per flow, the driver's own CPU per flow (it shares the
 * cores), and the bytes a flow in progress keeps (asked from the app's
 * {@code /bench/size} after two steps). Everything is also given as a ratio to the first
 * variant, measured in the same run.
 * <p>
 * Options: {@code --users 32 --warmup 20 --duration 20 --rounds 2 --settle 3} (seconds),
 * {@code --title}, {@code --out file.md} (the markdown tables; also printed),
 * {@code --tsv file} (one line per variant and step), {@code --heap-probe key} (the heap
 * per live task of that variant's memory store), {@code --in-memory-reference key} (the
 * variant whose app CPU per flow a variant with a store server would have if its store's
 * client cost nothing: the ratio that allows), {@code --clk-tck 100}, {@code --rate 100}
 * (start at most that many flows per second, all users together, instead of each user
 * starting its next flow at once: a paced load that leaves the machine CPU to spare),
 * {@code --stop-file path} (end the slot under way as soon as that file exists: a
 * measurement that lasts as long as something else does).
 * {@code --compare label1=a.tsv label2=b.tsv} prints how the step latencies of the second
 * run compare with the first.
 */
public final class LoadDriver {

	static final String[] STEPS = { "entry", "name", "address", "confirm" };

	private static final String[] MARKERS = { "step-name", "step-address", "step-confirm", "step-done" };

	private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"step\"[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");

	private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final AtomicLong flowNumbers = new AtomicLong();

	private int users = 32;

	private int warmup = 20;

	private int warmupFlows = 2000;

	private int duration = 20;

	private int rounds = 2;

	private int settle = 3;

	private int clockTicks = 100;

	private String title = "Side by side";

	private Path out;

	private Path tsv;

	private String heapProbe;

	/**
	 * The variant that keeps its state in the app's memory, against which
	 * {@link #cpuTable} gives the others' ratio with no cost for their store's client.
	 */
	private String inMemoryReference;

	/** Flows started per second, all users together; 0 for as many as they can. */
	private double rate;

	private Path stopFile;

	private final List<Variant> variants = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--compare")) {
			System.out.print(Compare.compare(Arrays.copyOfRange(args, 1, args.length)));
			return;
		}
		LoadDriver driver = new LoadDriver();
		driver.parse(args);
		driver.run();
	}

	private void parse(String[] args) {
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--users" -> this.users = Integer.parseInt(value);
				case "--warmup" -> this.warmup = Integer.parseInt(value);
				case "--warmup-flows" -> this.warmupFlows = Integer.parseInt(value);
				case "--duration" -> this.duration = Integer.parseInt(value);
				case "--rounds" -> this.rounds = Integer.parseInt(value);
				case "--settle" -> this.settle = Integer.parseInt(value);
				case "--clk-tck" -> this.clockTicks = Integer.parseInt(value);
				case "--title" -> this.title = value;
				case "--out" -> this.out = Path.of(value);
				case "--tsv" -> this.tsv = Path.of(value);
				case "--heap-probe" -> this.heapProbe = value;
				case "--in-memory-reference" -> this.inMemoryReference = value;
				case "--rate" -> this.rate = Double.parseDouble(value);
				case "--stop-file" -> this.stopFile = Path.of(value);
				case "--variant" -> this.variants.add(Variant.parse(value));
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (this.variants.isEmpty()) {
			throw new IllegalArgumentException("No --variant given");
		}
	}

	private void run() throws Exception {
		log("%d users%s; warm-up %d s per variant; %d rounds of %d s per variant (after %d s of settling each)",
				this.users, (this.rate > 0) ? String.format(Locale.ROOT, ", at most %.1f flows/s", this.rate) : "",
				this.warmup, this.rounds, this.duration, this.settle);
		for (Variant variant : this.variants) {
			// At least the warm-up time, until the JIT has seen enough flows (a loaded
			// machine completes few per second), has done most of its compiling (its
			// threads' CPU under a tenth of the app's over the last part), and the app's
			// CPU per flow has stopped falling (within 5% of the part before); never more
			// than ten times the warm-up time. The last test matters on shared cores: a
			// process whose hot code is still in C1's profiling tier runs it much
			// slower, its request threads crowd out its compiler thread, and the
			// compiler's share of that much CPU looks small. Such a process stayed 3 to 5
			// times slower for minutes beside a finished one of the same build.
			long warmed = 0;
			int seconds = 0;
			double jitShare = 1;
			double cpuPerFlow = Double.MAX_VALUE;
			double cpuPerFlowBefore;
			do {
				long jitBefore = jitTicks(variant);
				Slot part = slot(variant, this.warmup, false);
				warmed += part.flows;
				seconds += this.warmup;
				jitShare = (part.appTicks == 0) ? 0 : (double) (jitTicks(variant) - jitBefore) / part.appTicks;
				cpuPerFlowBefore = cpuPerFlow;
				cpuPerFlow = (part.flows == 0) ? Double.MAX_VALUE : (double) part.appTicks / part.flows;
			}
			while (this.warmup > 0
					&& (warmed < this.warmupFlows || jitShare > 0.10 || cpuPerFlow < 0.95 * cpuPerFlowBefore)
					&& seconds < 10 * this.warmup);
			log("warm-up %s: %d flows in %d s, JIT %.0f%% of the app's CPU at the end, app CPU per flow %.2f of the"
					+ " part before", variant.key, warmed, seconds, 100 * jitShare, cpuPerFlow / cpuPerFlowBefore);
			probe(variant);
		}
		for (int round = 0; round < this.rounds; round++) {
			List<Variant> order = new ArrayList<>(this.variants);
			if (round % 2 == 1) {
				java.util.Collections.reverse(order);
			}
			for (Variant variant : order) {
				slot(variant, this.settle, false);
				Slot result = slot(variant, this.duration, true);
				variant.slots.add(result);
				log("round %d %-8s %7.1f flows/s, %5.2f ms CPU/flow, %d errors", round + 1, variant.key,
						result.flowsPerSecond(), result.cpuMillisPerFlow(this.clockTicks), result.errors);
			}
		}
		String report = report();
		System.out.print(report);
		if (this.out != null) {
			Files.writeString(this.out, report);
		}
		if (this.tsv != null) {
			Files.writeString(this.tsv, tsvLines());
		}
	}

	/**
	 * Runs the users against {@code variant} for {@code seconds}; measures if
	 * {@code measured}.
	 */
	private Slot slot(Variant variant, int seconds, boolean measured) throws Exception {
		if (seconds <= 0) {
			return new Slot(0, 0, 0, 0, 0, 0, 0, 0, new long[STEPS.length][]);
		}
		long[] serverBefore = serverTicks(variant);
		long appBefore = appTicks(variant);
		long systemBefore = appSystemTicks(variant);
		long jitBefore = measured ? jitTicks(variant) : 0;
		long driverBefore = driverTicks();
		long start = System.nanoTime();
		SlotClock clock = new SlotClock(start, seconds, this.rate);
		List<User> workers = new ArrayList<>();
		for (int i = 0; i < this.users; i++) {
			workers.add(new User(variant, clock));
		}
		List<Thread> threads = new ArrayList<>();
		for (User user : workers) {
			Thread thread = new Thread(user, "user");
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		if (this.stopFile != null) {
			while (System.nanoTime() < clock.end && !Files.exists(this.stopFile)) {
				Thread.sleep(100);
			}
			if (System.nanoTime() < clock.end) {
				clock.end = System.nanoTime();
				log("%s: stopped after %.1f s (%s exists)", variant.key, (clock.end - start) / 1e9, this.stopFile);
			}
		}
		for (Thread thread : threads) {
			thread.join(seconds * 1000L + 60_000L);
		}
		long elapsed = Math.max(1, Math.min(System.nanoTime(), clock.end) - start);
		long appTicks = appTicks(variant) - appBefore;
		long systemTicks = appSystemTicks(variant) - systemBefore;
		long jit = measured ? jitTicks(variant) - jitBefore : 0;
		long serverTicks = serverDelta(variant, serverBefore);
		long driverTicks = driverTicks() - driverBefore;
		long flows = 0;
		long errors = 0;
		long[][] latencies = new long[STEPS.length][];
		for (int s = 0; s < STEPS.length; s++) {
			int size = 0;
			for (User user : workers) {
				size += user.latencies[s].size;
			}
			long[] all = new long[size];
			int at = 0;
			for (User user : workers) {
				System.arraycopy(user.latencies[s].values, 0, all, at, user.latencies[s].size);
				at += user.latencies[s].size;
			}
			latencies[s] = all;
		}
		for (User user : workers) {
			flows += user.completed;
			errors += user.errors;
			if (user.firstError != null && measured) {
				log("%s: %s", variant.key, user.firstError);
			}
		}
		if (!measured && errors > 0) {
			String first = workers.stream()
				.filter((u) -> u.firstError != null)
				.map((u) -> u.firstError)
				.findFirst()
				.orElse("");
			log("%s: %d errors while warming up, first: %s", variant.key, errors, first);
		}
		return new Slot(elapsed, flows, errors, appTicks, systemTicks, jit, serverTicks, driverTicks, latencies);
	}

	/**
	 * After the warm-up: bytes kept for a flow in progress, and the heap per task if
	 * asked.
	 */
	private void probe(Variant variant) {
		try {
			Session session = new Session(variant);
			String page = session.entry();
			page = session.submit(page, 1);
			page = session.submit(page, 2);
			String id = hidden(page, "_id");
			String query = "kind=" + variant.sizeKind + ((id != null) ? "&_id=" + id : "");
			variant.size = session.get(variant.origin() + "/bench/size?" + query).trim();
			log("%s stores %s", variant.key, variant.size);
			if (variant.key.equals(this.heapProbe) && id != null) {
				variant.heap = session.get(variant.origin() + "/bench/heap?n=100000&_id=" + id).trim();
				log("%s heap per live task: %s", variant.key, variant.heap);
			}
		}
		catch (Exception ex) {
			variant.size = "probe failed: " + ex.getMessage();
			log("%s: size probe failed: %s", variant.key, ex);
		}
	}

	/**
	 * When a slot ends (sooner than planned if the stop file appears), and when its next
	 * flow may start if the load is paced.
	 */
	private static final class SlotClock {

		volatile long end;

		private final long interval;

		private final AtomicLong nextStart;

		SlotClock(long start, int seconds, double rate) {
			this.end = start + seconds * 1_000_000_000L;
			this.interval = (rate > 0) ? (long) (1_000_000_000L / rate) : 0;
			this.nextStart = new AtomicLong(start);
		}

		/**
		 * Waits for this user's turn to start a flow; {@code false} if the slot ends
		 * first. Turns missed while every user was busy are not made up for later: the
		 * rate is a ceiling, never a burst.
		 */
		boolean awaitTurn() throws InterruptedException {
			if (this.interval == 0) {
				return System.nanoTime() < this.end;
			}
			long now = System.nanoTime();
			long turn = Math.max(now, this.nextStart.getAndUpdate((next) -> Math.max(next, now) + this.interval));
			while (System.nanoTime() < turn) {
				if (turn >= this.end) {
					return false;
				}
				long wait = turn - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			return System.nanoTime() < this.end;
		}

	}

	/**
	 * One virtual user: flow after flow until the end of the slot, each as a new visitor.
	 */
	private final class User implements Runnable {

		final Variant variant;

		final SlotClock clock;

		final Samples[] latencies = new Samples[STEPS.length];

		long completed;

		long errors;

		String firstError;

		User(Variant variant, SlotClock clock) {
			this.variant = variant;
			this.clock = clock;
			for (int i = 0; i < STEPS.length; i++) {
				this.latencies[i] = new Samples();
			}
		}

		private boolean awaitTurn() {
			try {
				return this.clock.awaitTurn();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public void run() {
			while (awaitTurn()) {
				Session session = new Session(this.variant);
				long[] times = new long[STEPS.length];
				try {
					long started = System.nanoTime();
					String page = session.entry();
					times[0] = System.nanoTime() - started;
					for (int step = 1; step < STEPS.length; step++) {
						if (System.nanoTime() >= this.clock.end) {
							break;
						}
						started = System.nanoTime();
						page = session.submit(page, step);
						times[step] = System.nanoTime() - started;
					}
					if (System.nanoTime() < this.clock.end && times[STEPS.length - 1] > 0) {
						this.completed++;
						for (int step = 0; step < STEPS.length; step++) {
							this.latencies[step].add(times[step]);
						}
					}
				}
				catch (Exception ex) {
					if (System.nanoTime() < this.clock.end) {
						this.errors++;
						if (this.firstError == null) {
							this.firstError = ex.toString();
						}
					}
				}
			}
		}

	}

	/** A visitor: its cookies, and the requests of one flow. */
	private final class Session {

		final Variant variant;

		final Map<String, String> cookies = new LinkedHashMap<>();

		final long number = LoadDriver.this.flowNumbers.incrementAndGet();

		URI current;

		Session(Variant variant) {
			this.variant = variant;
		}

		String entry() throws IOException, InterruptedException {
			return expect(follow(send(this.variant.entry, null)), 0);
		}

		/**
		 * Submits step {@code step} (1..3) of the form on {@code page}; answers the page
		 * it leads to.
		 */
		String submit(String page, int step) throws IOException, InterruptedException {
			Matcher form = FORM.matcher(page);
			if (!form.find()) {
				throw new IllegalStateException("no step form on the page");
			}
			int formEnd = page.indexOf("</form>", form.end());
			Matcher action = ACTION.matcher(form.group());
			if (!action.find()) {
				throw new IllegalStateException("form without action");
			}
			StringBuilder body = new StringBuilder();
			Matcher input = INPUT.matcher(page.substring(form.end(), (formEnd > 0) ? formEnd : page.length()));
			while (input.find()) {
				String tag = input.group();
				if (tag.contains("type=\"hidden\"")) {
					Matcher name = NAME.matcher(tag);
					Matcher value = VALUE.matcher(tag);
					if (name.find()) {
						field(body, unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
					}
				}
			}
			long n = this.number;
			switch (step) {
				case 1 -> {
					field(body, "firstName", "Ada");
					field(body, "lastName", "Lovelace " + n);
					field(body, "email", "ada" + n + "@example.com");
				}
				case 2 -> {
					field(body, "street", (n % 200) + " Analytical Engine Road");
					field(body, "city", "London");
					field(body, "postcode", "N1 9GU");
				}
				default -> {
					field(body, "accept", "true");
					field(body, "note", "Leave it at the door");
				}
			}
			field(body, "_eventId_next", "next");
			URI target = this.current.resolve(unescape(action.group(1)));
			return expect(follow(send(target, body.toString())), step);
		}

		String get(String url) throws IOException, InterruptedException {
			HttpResponse<String> response = send(URI.create(url), null);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			return response.body();
		}

		private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
			for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
				String location = response.headers().firstValue("Location").orElseThrow();
				response = send(this.current.resolve(location), null);
			}
			return response;
		}

		private String expect(HttpResponse<String> response, int step) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"step " + STEPS[step] + ": status " + response.statusCode() + " at " + this.current);
			}
			String body = response.body();
			if (!body.contains("id=\"" + MARKERS[step] + "\"")) {
				throw new IllegalStateException("step " + STEPS[step] + ": expected " + MARKERS[step] + " at "
						+ this.current + ", got " + snippet(body));
			}
			return body;
		}

		private HttpResponse<String> send(URI uri, String form) throws IOException, InterruptedException {
			this.current = uri;
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
			if (!this.cookies.isEmpty()) {
				StringBuilder cookie = new StringBuilder();
				this.cookies.forEach((name, value) -> cookie.append((cookie.length() > 0) ? "; " : "")
					.append(name)
					.append('=')
					.append(value));
				request.header("Cookie", cookie.toString());
			}
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form));
			}
			HttpResponse<String> response = LoadDriver.this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				int semicolon = header.indexOf(';');
				String pair = (semicolon >= 0) ? header.substring(0, semicolon) : header;
				int equals = pair.indexOf('=');
				if (equals > 0) {
					String name = pair.substring(0, equals).trim();
					String value = pair.substring(equals + 1).trim();
					if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
						this.cookies.remove(name);
					}
					else {
						this.cookies.put(name, value);
					}
				}
			}
			return response;
		}

	}

	private static String hidden(String page, String name) {
		Matcher input = INPUT.matcher(page);
		while (input.find()) {
			String tag = input.group();
			if (tag.contains("name=\"" + name + "\"")) {
				Matcher value = VALUE.matcher(tag);
				return value.find() ? value.group(1) : null;
			}
		}
		return null;
	}

	private static void field(StringBuilder body, String name, String value) {
		if (body.length() > 0) {
			body.append('&');
		}
		body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">");
	}

	private static String snippet(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

	/** utime + stime of the app process, in clock ticks. */
	private static long appTicks(Variant variant) {
		return (variant.pid > 0) ? ticks(Path.of("/proc/" + variant.pid + "/stat")) : 0;
	}

	/**
	 * utime + stime of this load driver's process, in clock ticks: it shares the cores
	 * with the app and the store server, so what it spends per flow is not the app's.
	 */
	private static long driverTicks() {
		return ticks(Path.of("/proc/self/stat"));
	}

	/** CPU of the app's JIT compiler threads, in clock ticks. */
	private static long jitTicks(Variant variant) {
		if (variant.pid <= 0) {
			return 0;
		}
		long total = 0;
		try (var threads = Files.list(Path.of("/proc/" + variant.pid + "/task"))) {
			for (Path thread : (Iterable<Path>) threads::iterator) {
				try {
					String line = Files.readString(thread.resolve("stat"));
					String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
					if (comm.startsWith("C1 Comp") || comm.startsWith("C2 Comp")) {
						total += ticks(thread.resolve("stat"));
					}
				}
				catch (IOException | RuntimeException ex) {
					// gone meanwhile
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}

	/**
	 * stime of the app process (the kernel's work for it: sockets, scheduling), in clock
	 * ticks.
	 */
	private static long appSystemTicks(Variant variant) {
		if (variant.pid <= 0) {
			return 0;
		}
		try {
			String line = Files.readString(Path.of("/proc/" + variant.pid + "/stat"));
			return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long ticks(Path stat) {
		try {
			String line = Files.readString(stat);
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Ticks per process of the store server (by process name), indexed by pid. */
	private static long[] serverTicks(Variant variant) {
		if (variant.serverProcess.isEmpty()) {
			return new long[0];
		}
		long[] byPid = new long[4_194_305];
		try (var processes = Files.list(Path.of("/proc"))) {
			processes.filter((p) -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach((p) -> {
				try {
					String line = Files.readString(p.resolve("stat"));
					String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
					if (comm.equals(variant.serverProcess)) {
						int pid = Integer.parseInt(p.getFileName().toString());
						if (pid < byPid.length) {
							byPid[pid] = ticks(p.resolve("stat"));
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					// gone meanwhile
				}
			});
		}
		catch (IOException ex) {
			return new long[0];
		}
		return byPid;
	}

	private static long serverDelta(Variant variant, long[] before) {
		long[] after = serverTicks(variant);
		long total = 0;
		for (int pid = 0; pid < after.length; pid++) {
			if (after[pid] > 0) {
				total += after[pid] - ((pid < before.length) ? before[pid] : 0);
			}
		}
		return total;
	}

	private String report() {
		Variant base = this.variants.get(0);
		StringWriter text = new StringWriter();
		PrintWriter md = new PrintWriter(text);
		md.printf("### %s%n%n", this.title);
		md.printf("%d virtual users, each flow a new visitor; warm-up %d s per variant (longer until %d flows), then"
				+ " %d alternating rounds"
				+ " of %d s per variant (after %d s of settling). Ratios are to **%s** (%s), measured in the same"
				+ " run: over the whole run, and per round (the median, lowest and highest of the rounds' ratios,"
				+ " each between slots next to each other in time).%n%n", this.users, this.warmup, this.warmupFlows,
				this.rounds, this.duration, this.settle, base.key, base.label);
		md.println("| variant | flows/s | vs " + base.key + " | per round: median (range) | app CPU ms/flow | vs "
				+ base.key
				+ " | of which kernel | of which JIT | store server CPU ms/flow | load driver CPU ms/flow | errors |");
		md.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (Variant variant : this.variants) {
			double[] perRound = new double[this.rounds];
			for (int r = 0; r < this.rounds; r++) {
				perRound[r] = variant.slots.get(r).flowsPerSecond() / base.slots.get(r).flowsPerSecond();
			}
			double[] sorted = perRound.clone();
			Arrays.sort(sorted);
			double median = (sorted.length == 0) ? 0 : (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
			md.printf(Locale.ROOT,
					"| %s (%s) | %.1f | %.2fx | %.2fx (%.2fx-%.2fx) | %.2f | %.2fx | %.0f%% | %.0f%% | %s | %.2f | %d |%n",
					variant.key, variant.label, variant.flowsPerSecond(),
					variant.flowsPerSecond() / base.flowsPerSecond(), median, sorted[0], sorted[sorted.length - 1],
					variant.cpuMillisPerFlow(this.clockTicks),
					variant.cpuMillisPerFlow(this.clockTicks) / base.cpuMillisPerFlow(this.clockTicks),
					100 * variant.systemShare(), 100 * variant.jitShare(),
					variant.serverProcess.isEmpty() ? "-"
							: String.format(Locale.ROOT, "%.2f (%s)", variant.serverMillisPerFlow(this.clockTicks),
									variant.serverProcess),
					variant.driverMillisPerFlow(this.clockTicks), variant.errors());
		}
		md.println();
		cpuTable(md, base);
		md.println("Latency per step, milliseconds (a step is its submit and the redirect it answers with; the entry"
				+ " is the first page), p50 / p99, and the p50 as a ratio to " + base.key + ":");
		md.println();
		StringBuilder header = new StringBuilder("| variant |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String step : STEPS) {
			header.append(' ').append(step).append(" p50 / p99 | vs ").append(base.key).append(" |");
			rule.append("---:|---:|");
		}
		md.println(header);
		md.println(rule);
		for (Variant variant : this.variants) {
			StringBuilder row = new StringBuilder("| " + variant.key + " |");
			for (int s = 0; s < STEPS.length; s++) {
				double p50 = variant.percentile(s, 0.50);
				row.append(String.format(Locale.ROOT, " %.2f / %.2f | %.2fx |", p50, variant.percentile(s, 0.99),
						p50 / base.percentile(s, 0.50)));
			}
			md.println(row);
		}
		md.println();
		md.println("Bytes kept for one flow in progress (after two of its three steps), as the app reports them:");
		md.println();
		md.println("| variant | bytes | how |");
		md.println("|---|---:|---|");
		for (Variant variant : this.variants) {
			String size = (variant.size != null) ? variant.size : "";
			String bytes = size.replaceAll("^bytes=(\\S+).*$", "$1");
			String how = size.replaceAll("^bytes=\\S+\\s*", "");
			md.printf("| %s | %s | %s |%n", variant.key, bytes, how);
		}
		for (Variant variant : this.variants) {
			if (variant.heap != null) {
				md.printf("%nHeap per live task in %s's memory store: %s%n", variant.key, variant.heap);
			}
		}
		md.println();
		md.flush();
		return text.toString();
	}

	/**
	 * App, load driver and store server share the cores, and the load keeps them busy: a
	 * variant's flows per second follow from the CPU the three spend per flow. The table
	 * shows that ratio beside the measured one, and for each variant with a store server
	 * the ratio it would reach if its app spent per flow what the in-memory reference's
	 * does, the server's CPU staying as measured: the most a faster store client could
	 * give here.
	 */
	private void cpuTable(PrintWriter md, Variant base) {
		Variant reference = this.variants.stream()
			.filter((variant) -> variant.key.equals(this.inMemoryReference))
			.findFirst()
			.orElse(null);
		md.println("What the CPU per flow allows. App, load driver and store server share the cores and the load"
				+ " keeps them busy, so flows per second go as the inverse of the CPU the three spend per flow: the"
				+ " ratio to " + base.key + " that the CPU columns above predict is " + "(app + driver of " + base.key
				+ ") / (app + driver + store server of the variant)."
				+ ((reference == null) ? ""
						: " The last column is the same ratio for a variant with a store server if its app spent"
								+ " per flow only what " + reference.key + "'s does (state in the app's memory) and"
								+ " its load driver what " + reference.key
								+ "'s does, the server's CPU staying as measured: what the variant would reach if"
								+ " its store's client cost nothing."));
		md.println();
		md.println("| variant | app + driver + store server, CPU ms/flow | vs " + base.key
				+ ", predicted from CPU | vs " + base.key + ", measured |"
				+ ((reference == null) ? "" : " if the store's client cost nothing |"));
		md.println("|---|---:|---:|---:|" + ((reference == null) ? "" : "---:|"));
		double baseTotal = totalMillisPerFlow(base);
		for (Variant variant : this.variants) {
			double total = totalMillisPerFlow(variant);
			String ceiling = "";
			if (reference != null) {
				ceiling = (variant.serverProcess.isEmpty() || total == 0) ? " - |"
						: String.format(Locale.ROOT, " %.2fx |",
								baseTotal / (reference.cpuMillisPerFlow(this.clockTicks)
										+ reference.driverMillisPerFlow(this.clockTicks)
										+ variant.serverMillisPerFlow(this.clockTicks)));
			}
			md.printf(Locale.ROOT, "| %s | %.2f + %.2f + %s = %.2f | %.2fx | %.2fx |%s%n", variant.key,
					variant.cpuMillisPerFlow(this.clockTicks), variant.driverMillisPerFlow(this.clockTicks),
					variant.serverProcess.isEmpty() ? "0"
							: String.format(Locale.ROOT, "%.2f", variant.serverMillisPerFlow(this.clockTicks)),
					total, (total == 0) ? 0 : baseTotal / total, variant.flowsPerSecond() / base.flowsPerSecond(),
					ceiling);
		}
		md.println();
	}

	private double totalMillisPerFlow(Variant variant) {
		return variant.cpuMillisPerFlow(this.clockTicks) + variant.driverMillisPerFlow(this.clockTicks)
				+ (variant.serverProcess.isEmpty() ? 0 : variant.serverMillisPerFlow(this.clockTicks));
	}

	private String tsvLines() {
		StringBuilder lines = new StringBuilder();
		for (Variant variant : this.variants) {
			for (int s = 0; s < STEPS.length; s++) {
				lines.append(String.format(Locale.ROOT, "%s\t%s\t%.3f\t%.3f\t%.2f\t%.3f\t%d%n", variant.key, STEPS[s],
						variant.percentile(s, 0.50), variant.percentile(s, 0.99), variant.flowsPerSecond(),
						variant.cpuMillisPerFlow(this.clockTicks), variant.errors()));
			}
		}
		return lines.toString();
	}

	private static void log(String format, Object... args) {
		System.err.printf("[driver] " + format + "%n", args);
	}

	/** One variant of the flow: where it is served and by which process. */
	static final class Variant {

		final String key;

		final String label;

		final URI entry;

		final long pid;

		final String sizeKind;

		final String serverProcess;

		final List<Slot> slots = new ArrayList<>();

		String size;

		String heap;

		Variant(String key, String label, URI entry, long pid, String sizeKind, String serverProcess) {
			this.key = key;
			this.label = label;
			this.entry = entry;
			this.pid = pid;
			this.sizeKind = sizeKind;
			this.serverProcess = serverProcess;
		}

		static Variant parse(String spec) {
			String[] parts = (spec + "|||||").split("\\|", -1);
			return new Variant(parts[0], parts[1], URI.create(parts[2]),
					parts[3].isEmpty() ? 0 : Long.parseLong(parts[3]), parts[4].isEmpty() ? "session" : parts[4],
					parts[5]);
		}

		String origin() {
			return this.entry.getScheme() + "://" + this.entry.getAuthority();
		}

		double flowsPerSecond() {
			long flows = 0;
			long nanos = 0;
			for (Slot slot : this.slots) {
				flows += slot.flows;
				nanos += slot.nanos;
			}
			return (nanos == 0) ? 0 : flows * 1e9 / nanos;
		}

		double cpuMillisPerFlow(int clockTicks) {
			long flows = this.slots.stream().mapToLong((s) -> s.flows).sum();
			long ticks = this.slots.stream().mapToLong((s) -> s.appTicks).sum();
			return (flows == 0) ? 0 : ticks * 1000.0 / clockTicks / flows;
		}

		double systemShare() {
			long ticks = this.slots.stream().mapToLong((s) -> s.appTicks).sum();
			long system = this.slots.stream().mapToLong((s) -> s.systemTicks).sum();
			return (ticks == 0) ? 0 : (double) system / ticks;
		}

		double jitShare() {
			long ticks = this.slots.stream().mapToLong((s) -> s.appTicks).sum();
			long jit = this.slots.stream().mapToLong((s) -> s.jitTicks).sum();
			return (ticks == 0) ? 0 : (double) jit / ticks;
		}

		double serverMillisPerFlow(int clockTicks) {
			long flows = this.slots.stream().mapToLong((s) -> s.flows).sum();
			long ticks = this.slots.stream().mapToLong((s) -> s.serverTicks).sum();
			return (flows == 0) ? 0 : ticks * 1000.0 / clockTicks / flows;
		}

		double driverMillisPerFlow(int clockTicks) {
			long flows = this.slots.stream().mapToLong((s) -> s.flows).sum();
			long ticks = this.slots.stream().mapToLong((s) -> s.driverTicks).sum();
			return (flows == 0) ? 0 : ticks * 1000.0 / clockTicks / flows;
		}

		long errors() {
			return this.slots.stream().mapToLong((s) -> s.errors).sum();
		}

		/**
		 * The latency percentile of step {@code step} over every round, in milliseconds.
		 */
		double percentile(int step, double p) {
			int size = this.slots.stream().mapToInt((s) -> s.latencies[step].length).sum();
			if (size == 0) {
				return 0;
			}
			long[] all = new long[size];
			int at = 0;
			for (Slot slot : this.slots) {
				System.arraycopy(slot.latencies[step], 0, all, at, slot.latencies[step].length);
				at += slot.latencies[step].length;
			}
			Arrays.sort(all);
			int index = (int) Math.min(size - 1, Math.ceil(p * size) - 1);
			return all[Math.max(0, index)] / 1e6;
		}

	}

	/** What one measured slot of a variant gave. */
	record Slot(long nanos, long flows, long errors, long appTicks, long systemTicks, long jitTicks, long serverTicks,
			long driverTicks, long[][] latencies) {

		double flowsPerSecond() {
			return (this.nanos == 0) ? 0 : this.flows * 1e9 / this.nanos;
		}

		double cpuMillisPerFlow(int clockTicks) {
			return (this.flows == 0) ? 0 : this.appTicks * 1000.0 / clockTicks / this.flows;
		}

	}

	/** A growable array of longs. */
	static final class Samples {

		long[] values = new long[1024];

		int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

}
