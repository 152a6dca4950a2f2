package dev.flows.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares runs of the driver written with {@code --tsv}: for each variant, the step
 * latencies and flows per second of every run next to the first one's, as ratios. Used
 * for the scale measurements (the same variant with 1,000 and with 1,000,000 live tasks).
 * <pre>
 * java -cp ... dev.flows.bench.driver.LoadDriver --compare "1,000 tasks=a.tsv" "1,000,000 tasks=b.tsv"
 * </pre>
 */
final class Compare {

	private Compare() {
	}

	static String compare(String[] runs) throws IOException {
		List<String> labels = new ArrayList<>();
		// variant -> label -> lines (step, p50, p99, flows/s, cpu, errors)
		Map<String, Map<String, List<String[]>>> byVariant = new LinkedHashMap<>();
		for (String run : runs) {
			int equals = run.lastIndexOf('=');
			String label = run.substring(0, equals);
			if (!labels.contains(label)) {
				labels.add(label);
			}
			for (String line : Files.readAllLines(Path.of(run.substring(equals + 1)))) {
				if (line.isBlank()) {
					continue;
				}
				String[] fields = line.split("\t");
				byVariant.computeIfAbsent(fields[0], (k) -> new LinkedHashMap<>())
					.computeIfAbsent(label, (k) -> new ArrayList<>())
					.add(fields);
			}
		}
		StringBuilder md = new StringBuilder();
		StringBuilder header = new StringBuilder("| variant | live tasks | flows/s |");
		StringBuilder rule = new StringBuilder("|---|---|---:|");
		for (String step : LoadDriver.STEPS) {
			header.append(' ').append(step).append(" p50 / p99 ms |");
			rule.append("---:|");
		}
		md.append(header).append(" p50 vs first (per step) | errors |\n");
		md.append(rule).append("---|---:|\n");
		for (Map.Entry<String, Map<String, List<String[]>>> variant : byVariant.entrySet()) {
			List<String[]> first = null;
			for (String label : labels) {
				List<String[]> lines = variant.getValue().get(label);
				if (lines == null) {
					continue;
				}
				if (first == null) {
					first = lines;
				}
				StringBuilder row = new StringBuilder(
						String.format(Locale.ROOT, "| %s | %s | %s |", variant.getKey(), label, lines.get(0)[4]));
				StringBuilder ratios = new StringBuilder();
				for (int s = 0; s < lines.size(); s++) {
					String[] line = lines.get(s);
					row.append(String.format(Locale.ROOT, " %.2f / %.2f |", Double.parseDouble(line[2]),
							Double.parseDouble(line[3])));
					double ratio = Double.parseDouble(line[2]) / Double.parseDouble(first.get(s)[2]);
					ratios.append((ratios.length() > 0) ? ", " : "").append(String.format(Locale.ROOT, "%.2fx", ratio));
				}
				md.append(row).append(' ').append(ratios).append(" | ").append(lines.get(0)[6]).append(" |\n");
			}
		}
		return md.toString();
	}

}
