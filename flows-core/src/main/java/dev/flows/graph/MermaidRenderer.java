package dev.flows.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link FlowGraph} as a Mermaid flowchart: each scaffold is a subgraph holding
 * its children, each step a node; a task's path is styled with classes and link styles.
 */
final class MermaidRenderer {

	private final FlowGraph graph;

	private final StringBuilder out = new StringBuilder();

	MermaidRenderer(FlowGraph graph) {
		this.graph = graph;
	}

	String render() {
		this.out.append("flowchart TB\n");
		node(this.graph.root(), 1);
		List<String> taken = new ArrayList<>();
		List<GraphEdge> edges = this.graph.edges();
		for (int i = 0; i < edges.size(); i++) {
			GraphEdge edge = edges.get(i);
			String from = this.graph.at(edge.from()).id();
			String to = this.graph.at(edge.to()).id();
			this.out.append("  ")
				.append(from)
				.append((edge.kind() == GraphEdge.Kind.GO_TO) ? " -. goTo .-> " : " --> ")
				.append(to)
				.append('\n');
			if (edge.taken()) {
				taken.add(Integer.toString(i));
			}
		}
		this.out.append("  classDef current fill:")
			.append(Palette.CURRENT_FILL)
			.append(",stroke:")
			.append(Palette.CURRENT_LINE)
			.append(",stroke-width:3px\n");
		this.out.append("  classDef visited fill:")
			.append(Palette.VISITED_FILL)
			.append(",stroke:")
			.append(Palette.TAKEN)
			.append(",stroke-width:2px\n");
		classLine("current", GraphNode.Mark.CURRENT);
		classLine("visited", GraphNode.Mark.VISITED);
		if (!taken.isEmpty()) {
			this.out.append("  linkStyle ")
				.append(String.join(",", taken))
				.append(" stroke:")
				.append(Palette.TAKEN)
				.append(",stroke-width:3px\n");
		}
		return this.out.toString();
	}

	private void node(GraphNode node, int depth) {
		String indent = "  ".repeat(depth);
		if (node.isScaffold()) {
			this.out.append(indent)
				.append("subgraph ")
				.append(node.id())
				.append("[\"")
				.append(label(Labels.scaffoldLines(node)))
				.append("\"]\n");
			this.out.append(indent).append("  direction TB\n");
			for (GraphNode child : node.children()) {
				node(child, depth + 1);
			}
			this.out.append(indent).append("end\n");
		}
		else {
			this.out.append(indent)
				.append(node.id())
				.append("[\"")
				.append(label(Labels.actionLines(node)))
				.append("\"]\n");
		}
	}

	/** Only steps get the class: a subgraph's own style would hide its children's. */
	private void classLine(String className, GraphNode.Mark mark) {
		List<String> ids = this.graph.nodes()
			.stream()
			.filter((node) -> !node.isScaffold() && node.mark() == mark)
			.map(GraphNode::id)
			.toList();
		if (!ids.isEmpty()) {
			this.out.append("  class ").append(String.join(",", ids)).append(' ').append(className).append('\n');
		}
	}

	/**
	 * Lines joined by {@code <br/>
	 * }, each escaped with Mermaid's entity codes so that no character of a title ends
	 * the label or becomes markup.
	 */
	static String label(List<String> lines) {
		List<String> escaped = new ArrayList<>();
		for (String line : lines) {
			StringBuilder text = new StringBuilder();
			for (char c : line.toCharArray()) {
				switch (c) {
					case '"' -> text.append("#quot;");
					case '#' -> text.append("#35;");
					case '<' -> text.append("#lt;");
					case '>' -> text.append("#gt;");
					case '&' -> text.append("#amp;");
					default -> text.append(Character.isISOControl(c) ? ' ' : c);
				}
			}
			escaped.add(text.toString());
		}
		return String.join("<br/>", escaped);
	}

}
