package dev.flows.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link FlowGraph} as Graphviz DOT: each scaffold is a cluster holding its
 * children, each step a box; arrows to or from a scaffold attach to its cluster.
 */
final class DotRenderer {

	private final FlowGraph graph;

	private final StringBuilder out = new StringBuilder();

	DotRenderer(FlowGraph graph) {
		this.graph = graph;
	}

	String render() {
		this.out.append("digraph ").append(quote(this.graph.flow().id())).append(" {\n");
		this.out.append("  graph [compound=true, rankdir=TB, fontname=\"Helvetica\", fontsize=11];\n");
		this.out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"")
			.append(Palette.ACTION_FILL)
			.append("\", color=\"")
			.append(Palette.LINE)
			.append("\", fontname=\"Helvetica\", fontsize=11];\n");
		this.out.append("  edge [color=\"").append(Palette.LINE).append("\", fontname=\"Helvetica\", fontsize=10];\n");
		node(this.graph.root(), 1);
		for (GraphEdge edge : this.graph.edges()) {
			edge(edge);
		}
		this.out.append("}\n");
		return this.out.toString();
	}

	private void node(GraphNode node, int depth) {
		String indent = "  ".repeat(depth);
		if (node.isScaffold()) {
			this.out.append(indent).append("subgraph cluster_").append(node.id()).append(" {\n");
			String inner = indent + "  ";
			this.out.append(inner)
				.append("label=")
				.append(quote(String.join("\n", Labels.scaffoldLines(node))))
				.append(";\n");
			this.out.append(inner).append("labeljust=l;\n");
			this.out.append(inner)
				.append("style=\"rounded,filled\"; fillcolor=\"")
				.append(Palette.scaffoldFill(node.position().depth()))
				.append("\"; color=\"")
				.append((node.mark() == GraphNode.Mark.VISITED) ? Palette.TAKEN : Palette.LINE)
				.append("\";\n");
			for (GraphNode child : node.children()) {
				node(child, depth + 1);
			}
			this.out.append(indent).append("}\n");
		}
		else {
			this.out.append(indent)
				.append(node.id())
				.append(" [label=")
				.append(quote(String.join("\n", Labels.actionLines(node))));
			switch (node.mark()) {
				case CURRENT -> this.out.append(", fillcolor=\"")
					.append(Palette.CURRENT_FILL)
					.append("\", color=\"")
					.append(Palette.CURRENT_LINE)
					.append("\", penwidth=3");
				case VISITED -> this.out.append(", fillcolor=\"")
					.append(Palette.VISITED_FILL)
					.append("\", color=\"")
					.append(Palette.TAKEN)
					.append("\", penwidth=2");
				case NONE -> {
				}
			}
			this.out.append("];\n");
		}
	}

	private void edge(GraphEdge edge) {
		GraphNode from = this.graph.at(edge.from());
		GraphNode to = this.graph.at(edge.to());
		List<String> attributes = new ArrayList<>();
		if (from.isScaffold()) {
			attributes.add("ltail=cluster_" + from.id());
		}
		if (to.isScaffold()) {
			attributes.add("lhead=cluster_" + to.id());
		}
		if (edge.kind() == GraphEdge.Kind.GO_TO) {
			attributes.add("style=dashed");
			attributes.add("label=\"goTo\"");
		}
		if (edge.taken()) {
			attributes.add("color=\"" + Palette.TAKEN + "\"");
			attributes.add("penwidth=2.5");
		}
		this.out.append("  ").append(Labels.lastAction(from).id()).append(" -> ").append(Labels.firstAction(to).id());
		if (!attributes.isEmpty()) {
			this.out.append(" [").append(String.join(", ", attributes)).append("]");
		}
		this.out.append(";\n");
	}

	/** A DOT string: quotes and backslashes escaped, line breaks as {@code \n}. */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> quoted.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return quoted.append('"').toString();
	}

}
