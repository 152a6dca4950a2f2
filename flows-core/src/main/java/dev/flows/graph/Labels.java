package dev.flows.graph;

import java.util.ArrayList;
import java.util.List;

/** The text lines each renderer shows for a node, and where arrows attach. */
final class Labels {

	/** Between a node's name and its transition. */
	static final String SEPARATOR = " \u00b7 ";

	private Labels() {
	}

	/** Title; name and transition; one line per precondition. */
	static List<String> scaffoldLines(GraphNode node) {
		List<String> lines = new ArrayList<>();
		lines.add(node.title());
		lines.add(node.name() + SEPARATOR + node.transition());
		lines.addAll(node.preconditions());
		return lines;
	}

	/** Title; name; one line per precondition. */
	static List<String> actionLines(GraphNode node) {
		List<String> lines = new ArrayList<>();
		lines.add(node.title());
		lines.add(node.name());
		lines.addAll(node.preconditions());
		return lines;
	}

	/** The first step inside {@code node} (itself for a step). */
	static GraphNode firstAction(GraphNode node) {
		GraphNode first = node;
		while (first.isScaffold()) {
			first = first.children().get(0);
		}
		return first;
	}

	/** The last step inside {@code node} (itself for a step). */
	static GraphNode lastAction(GraphNode node) {
		GraphNode last = node;
		while (last.isScaffold()) {
			last = last.children().get(last.children().size() - 1);
		}
		return last;
	}

}
