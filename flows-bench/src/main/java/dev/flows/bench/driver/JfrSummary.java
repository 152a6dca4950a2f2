package dev.flows.bench.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JFR recording: the share of execution samples
 * ({@code jdk.ExecutionSample}) in which each part of the stack appears (inclusive: a
 * sample counts once for every part on its stack), and the methods most often at the top
 * (self). Prints markdown. <pre>
 * java -cp flows-bench/target/classes dev.flows.bench.driver.JfrSummary "title" recording.jfr [top]
 * </pre>
 */
public final class JfrSummary {

	/**
	 * Parts of the stack, by the class name's start; the first that matches names a
	 * frame.
	 */
	private static final String[][] PARTS = { { "Flows: JPA store", "dev.flows.store.jpa." },
			{ "Flows: Redis store", "dev.flows.store.redis." }, { "Flows: memory store", "dev.flows.store.memory." },
			{ "Flows: engine (incl. codec)", "dev.flows.engine." }, { "Flows: task state (JSON)", "dev.flows.state." },
			{ "Flows: web layer", "dev.flows.web." }, { "bench app's controller and actions", "dev.flows.bench." },
			{ "Hibernate", "org.hibernate." }, { "H2 database", "org.h2." },
			{ "PostgreSQL JDBC driver", "org.postgresql." }, { "HikariCP", "com.zaxxer.hikari." },
			{ "Spring transactions and ORM", "org.springframework.transaction.", "org.springframework.orm." },
			{ "Spring Data", "org.springframework.data." }, { "Lettuce (Redis client)", "io.lettuce." },
			{ "Netty", "io.netty." }, { "Spring Session", "org.springframework.session." },
			{ "Spring Web Flow", "org.springframework.webflow.", "org.springframework.binding." },
			{ "Jackson", "tools.jackson.", "com.fasterxml.jackson." },
			{ "Thymeleaf", "org.thymeleaf.", "org.attoparser." },
			{ "Bean Validation (Hibernate Validator)", "org.hibernate.validator." },
			{ "Spring MVC", "org.springframework.web." },
			{ "Tomcat", "org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote." },
			{ "JDK: java.util.regex", "java.util.regex." },
			{ "JDK: reflection and method handles", "java.lang.reflect.", "java.lang.invoke.",
					"jdk.internal.reflect." },
			{ "JDK: java.time", "java.time." },
			{ "JDK: sockets and NIO", "sun.nio.", "java.nio.channels.", "sun.net." } };

	private JfrSummary() {
	}

	public static void main(String[] args) throws IOException {
		String title = args[0];
		Path recording = Path.of(args[1]);
		int top = (args.length > 2) ? Integer.parseInt(args[2]) : 12;
		Map<String, Integer> inclusive = new LinkedHashMap<>();
		for (String[] part : PARTS) {
			inclusive.put(part[0], 0);
		}
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> flowsMethods = new HashMap<>();
		Map<String, Integer> selfPart = new HashMap<>();
		int samples = 0;
		// thread group -> {user, system}, as fractions of the machine summed over the
		// recording
		Map<String, double[]> threadCpu = new LinkedHashMap<>();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (event.getEventType().getName().equals("jdk.ThreadCPULoad") && event.getThread() != null) {
					String group = threadGroup(event.getThread().getJavaName());
					double[] load = threadCpu.computeIfAbsent(group, (k) -> new double[2]);
					load[0] += event.getFloat("user");
					load[1] += event.getFloat("system");
					continue;
				}
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (frames.isEmpty()) {
					continue;
				}
				samples++;
				java.util.Set<String> seen = new java.util.HashSet<>();
				for (RecordedFrame frame : frames) {
					String part = part(frame);
					if (part != null && seen.add(part)) {
						inclusive.merge(part, 1, Integer::sum);
					}
				}
				java.util.Set<String> seenMethods = new java.util.HashSet<>();
				for (RecordedFrame frame : frames) {
					String type = frame.getMethod().getType().getName();
					if (type.startsWith("dev.flows.") && !type.startsWith("dev.flows.bench.")) {
						String method = name(frame.getMethod());
						if (seenMethods.add(method)) {
							flowsMethods.merge(method, 1, Integer::sum);
						}
					}
				}
				RecordedFrame first = frames.get(0);
				self.merge(name(first.getMethod()), 1, Integer::sum);
				String part = null;
				for (RecordedFrame frame : frames) {
					part = part(frame);
					if (part != null) {
						break;
					}
				}
				selfPart.merge((part != null) ? part : "other", 1, Integer::sum);
			}
		}
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "#### %s%n%n%d execution samples.%n%n", title, samples));
		md.append(
				"| part of the stack | samples in which it appears | samples where it is the innermost known part |\n");
		md.append("|---|---:|---:|\n");
		List<Map.Entry<String, Integer>> parts = new ArrayList<>(inclusive.entrySet());
		parts.sort((a, b) -> b.getValue() - a.getValue());
		for (Map.Entry<String, Integer> part : parts) {
			if (part.getValue() * 200 < samples) {
				continue;
			}
			md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% |%n", part.getKey(),
					100.0 * part.getValue() / samples, 100.0 * selfPart.getOrDefault(part.getKey(), 0) / samples));
		}
		md.append("\nHottest methods (self, top of the stack):\n\n| method | samples |\n|---|---:|\n");
		List<Map.Entry<String, Integer>> methods = new ArrayList<>(self.entrySet());
		methods.sort((a, b) -> b.getValue() - a.getValue());
		for (int i = 0; i < Math.min(top, methods.size()); i++) {
			md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", methods.get(i).getKey(),
					100.0 * methods.get(i).getValue() / samples));
		}
		double cpuTotal = threadCpu.values().stream().mapToDouble((load) -> load[0] + load[1]).sum();
		if (cpuTotal > 0) {
			md.append("\nThe process's CPU by thread (JFR's per-thread CPU load: user, and kernel for the thread,"
					+ " such as its socket calls; the execution samples above cover Java code only):\n\n");
			md.append("| threads | user | kernel |\n|---|---:|---:|\n");
			List<Map.Entry<String, double[]>> threads = new ArrayList<>(threadCpu.entrySet());
			threads
				.sort((a, b) -> Double.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]));
			for (Map.Entry<String, double[]> thread : threads) {
				double share = (thread.getValue()[0] + thread.getValue()[1]) / cpuTotal;
				if (share < 0.005) {
					continue;
				}
				md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% |%n", thread.getKey(),
						100 * thread.getValue()[0] / cpuTotal, 100 * thread.getValue()[1] / cpuTotal));
			}
		}
		if (!flowsMethods.isEmpty()) {
			md.append("\nFlows' own methods, inclusive (samples with the method anywhere on the stack):\n\n");
			md.append("| method | samples |\n|---|---:|\n");
			List<Map.Entry<String, Integer>> own = new ArrayList<>(flowsMethods.entrySet());
			own.sort((a, b) -> b.getValue() - a.getValue());
			for (int i = 0; i < Math.min(top, own.size()); i++) {
				md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", own.get(i).getKey(),
						100.0 * own.get(i).getValue() / samples));
			}
		}
		md.append('\n');
		System.out.print(md);
	}

	/**
	 * A thread's name with its numbers replaced: the threads of one pool form one group.
	 */
	private static String threadGroup(String name) {
		return (name == null) ? "?" : name.replaceAll("[0-9]+", "N").replace("N.N.N.N-N", "N");
	}

	/** The part of the stack a frame belongs to, or {@code null}. */
	private static String part(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		for (String[] part : PARTS) {
			for (int i = 1; i < part.length; i++) {
				if (type.startsWith(part[i])) {
					// Hibernate Validator is not Hibernate ORM
					if (part[0].equals("Hibernate") && type.startsWith("org.hibernate.validator.")) {
						break;
					}
					return part[0];
				}
			}
		}
		return null;
	}

	private static String name(RecordedMethod method) {
		String type = method.getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
	}

}
