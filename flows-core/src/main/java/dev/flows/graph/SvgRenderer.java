package dev.flows.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link FlowGraph} as a standalone SVG image with a simple, deterministic
 * layout: each scaffold is a box holding its children stacked top to bottom, each step a
 * box inside; linear order runs down between siblings, {@code goTo} arrows run along the
 * right-hand side. Text widths are estimated from character counts, so the same graph
 * always gives the same image, whatever fonts the machine has.
 * <p>
 * The image holds no script and no external reference; every text is escaped for XML.
 * Groups mirror the tree: a scaffold's {@code <g>} holds its children's, each has the
 * node's id and the classes {@code node}, {@code scaffold} or {@code action}, and
 * {@code current} or {@code visited} when a task's path is marked.
 */
final class SvgRenderer {

	private static final int MARGIN = 16;

	private static final int PAD = 12;

	private static final int GAP = 30;

	private static final int TITLE_LINE = 18;

	private static final int SMALL_LINE = 15;

	private static final int MIN_ACTION_WIDTH = 150;

	/** Space right of the root box before the first {@code goTo} lane. */
	private static final int LANE_OFFSET = 14;

	private static final int LANE_SPACING = 12;

	private static final int LEGEND_HEIGHT = 34;

	private static final String FONT = "Helvetica, Arial, sans-serif";

	private static final String MONO = "Menlo, Consolas, monospace";

	private final FlowGraph graph;

	private final Map<String, Box> boxes = new HashMap<>();

	private final StringBuilder out = new StringBuilder();

	SvgRenderer(FlowGraph graph) {
		this.graph = graph;
	}

	String render() {
		GraphNode root = this.graph.root();
		measure(root);
		place(root, MARGIN, MARGIN);
		Box rootBox = this.boxes.get(root.id());
		long lanes = this.graph.edges().stream().filter((edge) -> edge.kind() == GraphEdge.Kind.GO_TO).count();
		int laneStart = rootBox.right() + LANE_OFFSET;
		int width = Math.max(laneStart + (int) lanes * LANE_SPACING + MARGIN, legendWidth() + 2 * MARGIN);
		int height = rootBox.bottom() + MARGIN + LEGEND_HEIGHT;
		this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		this.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" font-family=\"")
			.append(FONT)
			.append("\" role=\"img\">\n");
		this.out.append("<title>").append(escape(root.title() + " (" + root.name() + ")")).append("</title>\n");
		defs();
		this.out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		node(root, 0);
		this.out.append("<g class=\"edges\" fill=\"none\">\n");
		int lane = 0;
		for (GraphEdge edge : this.graph.edges()) {
			if (edge.kind() == GraphEdge.Kind.NEXT) {
				next(edge);
			}
			else {
				goTo(edge, laneStart + lane * LANE_SPACING);
				lane++;
			}
		}
		this.out.append("</g>\n");
		legend(rootBox.bottom() + MARGIN);
		this.out.append("</svg>\n");
		return this.out.toString();
	}

	private void defs() {
		this.out.append("<defs>\n");
		marker("arrow", Palette.LINE);
		marker("arrow-taken", Palette.TAKEN);
		this.out.append("</defs>\n");
	}

	private void marker(String id, String colour) {
		this.out.append("<marker id=\"")
			.append(id)
			.append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\"")
			.append(" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
			.append(colour)
			.append("\"/></marker>\n");
	}

	/** Works out each box's size, children first. */
	private Box measure(GraphNode node) {
		Box box;
		if (node.isScaffold()) {
			int width = headerWidth(node);
			int height = headerHeight(node);
			for (int i = 0; i < node.children().size(); i++) {
				Box child = measure(node.children().get(i));
				width = Math.max(width, child.width + 2 * PAD);
				height += child.height + ((i > 0) ? GAP : 0);
			}
			box = new Box(width, height + PAD);
		}
		else {
			int width = Math.max(MIN_ACTION_WIDTH, textWidth(node.title(), 7.6) + 2 * PAD);
			width = Math.max(width, textWidth(node.name(), 6.7) + 2 * PAD);
			for (String precondition : node.preconditions()) {
				width = Math.max(width, textWidth(precondition, 6.4) + 2 * PAD);
			}
			box = new Box(width, 10 + TITLE_LINE + SMALL_LINE * (1 + node.preconditions().size()) + 6);
		}
		this.boxes.put(node.id(), box);
		return box;
	}

	private static int headerWidth(GraphNode node) {
		int width = textWidth(node.title(), 7.6);
		width = Math.max(width, textWidth(node.name() + Labels.SEPARATOR + node.transition(), 6.4));
		for (String precondition : node.preconditions()) {
			width = Math.max(width, textWidth(precondition, 6.4));
		}
		return width + 2 * PAD;
	}

	private static int headerHeight(GraphNode node) {
		return PAD + TITLE_LINE + SMALL_LINE * (1 + node.preconditions().size()) + 8;
	}

	private static int textWidth(String text, double charWidth) {
		return (int) Math.ceil(text.length() * charWidth);
	}

	/** Sets each box's position: children centred in their scaffold, top to bottom. */
	private void place(GraphNode node, int x, int y) {
		Box box = this.boxes.get(node.id());
		box.x = x;
		box.y = y;
		if (node.isScaffold()) {
			int top = y + headerHeight(node);
			for (GraphNode child : node.children()) {
				Box childBox = this.boxes.get(child.id());
				place(child, x + (box.width - childBox.width) / 2, top);
				top += childBox.height + GAP;
			}
		}
	}

	private void node(GraphNode node, int depth) {
		Box box = this.boxes.get(node.id());
		String indent = "  ".repeat(depth);
		String mark = switch (node.mark()) {
			case CURRENT -> " current";
			case VISITED -> " visited";
			case NONE -> "";
		};
		this.out.append(indent)
			.append("<g id=\"")
			.append(node.id())
			.append("\" class=\"node ")
			.append(node.isScaffold() ? "scaffold" : "action")
			.append(mark)
			.append("\">\n");
		String inner = indent + "  ";
		this.out.append(inner)
			.append("<title>")
			.append(escape(node.position().isRoot() ? node.name() : node.position().toString()))
			.append("</title>\n");
		if (node.isScaffold()) {
			rect(inner, box, 10, Palette.scaffoldFill(node.position().depth()),
					(node.mark() == GraphNode.Mark.VISITED) ? Palette.TAKEN : Palette.LINE,
					(node.mark() == GraphNode.Mark.VISITED) ? 2 : 1);
			int baseline = box.y + PAD + 13;
			text(inner, box.x + PAD, baseline, "start", 13, "bold", FONT, Palette.TEXT, node.title());
			baseline += TITLE_LINE;
			text(inner, box.x + PAD, baseline, "start", 11, null, FONT, Palette.MUTED,
					node.name() + Labels.SEPARATOR + node.transition());
			preconditions(inner, node.preconditions(), box.x + PAD, baseline, "start");
			for (GraphNode child : node.children()) {
				node(child, depth + 1);
			}
		}
		else {
			String fill = switch (node.mark()) {
				case CURRENT -> Palette.CURRENT_FILL;
				case VISITED -> Palette.VISITED_FILL;
				case NONE -> Palette.ACTION_FILL;
			};
			String stroke = switch (node.mark()) {
				case CURRENT -> Palette.CURRENT_LINE;
				case VISITED -> Palette.TAKEN;
				case NONE -> Palette.LINE;
			};
			rect(inner, box, 6, fill, stroke, (node.mark() == GraphNode.Mark.CURRENT) ? 3 : 1);
			int centre = box.x + box.width / 2;
			int baseline = box.y + 10 + 13;
			text(inner, centre, baseline, "middle", 13, "bold", FONT, Palette.TEXT, node.title());
			baseline += SMALL_LINE + 1;
			text(inner, centre, baseline, "middle", 11, null, MONO, Palette.MUTED, node.name());
			preconditions(inner, node.preconditions(), centre, baseline, "middle");
		}
		this.out.append(indent).append("</g>\n");
	}

	private void preconditions(String indent, List<String> preconditions, int x, int baseline, String anchor) {
		int y = baseline;
		for (String precondition : preconditions) {
			y += SMALL_LINE;
			this.out.append(indent)
				.append("<text class=\"precondition\" x=\"")
				.append(x)
				.append("\" y=\"")
				.append(y)
				.append("\" text-anchor=\"")
				.append(anchor)
				.append("\" font-size=\"11\" font-style=\"italic\" fill=\"#9a3412\">")
				.append(escape(precondition))
				.append("</text>\n");
		}
	}

	private void rect(String indent, Box box, int radius, String fill, String stroke, int strokeWidth) {
		this.out.append(indent)
			.append("<rect x=\"")
			.append(box.x)
			.append("\" y=\"")
			.append(box.y)
			.append("\" width=\"")
			.append(box.width)
			.append("\" height=\"")
			.append(box.height)
			.append("\" rx=\"")
			.append(radius)
			.append("\" fill=\"")
			.append(fill)
			.append("\" stroke=\"")
			.append(stroke)
			.append("\" stroke-width=\"")
			.append(strokeWidth)
			.append("\"/>\n");
	}

	private void text(String indent, int x, int y, String anchor, int size, String weight, String family, String colour,
			String text) {
		this.out.append(indent)
			.append("<text x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" text-anchor=\"")
			.append(anchor)
			.append("\" font-size=\"")
			.append(size)
			.append('"');
		if (weight != null) {
			this.out.append(" font-weight=\"").append(weight).append('"');
		}
		if (!FONT.equals(family)) {
			this.out.append(" font-family=\"").append(family).append('"');
		}
		this.out.append(" fill=\"").append(colour).append("\">").append(escape(text)).append("</text>\n");
	}

	/** Straight down from one sibling to the next. */
	private void next(GraphEdge edge) {
		Box from = this.boxes.get(this.graph.at(edge.from()).id());
		Box to = this.boxes.get(this.graph.at(edge.to()).id());
		int x = from.x + from.width / 2;
		path(edge, "M" + x + "," + from.bottom() + " V" + to.y, false);
	}

	/** Out of the action's right side, along its lane, into the target's right side. */
	private void goTo(GraphEdge edge, int lane) {
		GraphNode target = this.graph.at(edge.to());
		Box from = this.boxes.get(this.graph.at(edge.from()).id());
		Box to = this.boxes.get(target.id());
		// Arrows leave a step above its middle and arrive below it, so that a step's
		// outgoing and incoming arrows stay apart.
		int fromY = from.y + from.height / 2 - 5;
		int toY = target.isScaffold() ? to.y + PAD + 8 : to.y + to.height / 2 + 5;
		path(edge, "M" + from.right() + "," + fromY + " H" + lane + " V" + toY + " H" + to.right(), true);
	}

	private void path(GraphEdge edge, String d, boolean dashed) {
		this.out.append("  <path class=\"edge ")
			.append((edge.kind() == GraphEdge.Kind.NEXT) ? "next" : "goto")
			.append(edge.taken() ? " taken" : "")
			.append("\" d=\"")
			.append(d)
			.append("\" stroke=\"")
			.append(edge.taken() ? Palette.TAKEN : Palette.LINE)
			.append("\" stroke-width=\"")
			.append(edge.taken() ? "2.5" : "1.5")
			.append('"');
		if (dashed) {
			this.out.append(" stroke-dasharray=\"6 4\"");
		}
		this.out.append(" marker-end=\"url(#")
			.append(edge.taken() ? "arrow-taken" : "arrow")
			.append(")\"><title>")
			.append(escape(((edge.kind() == GraphEdge.Kind.NEXT) ? "next: " : "goTo: ") + describe(edge.from())
					+ " \u2192 " + describe(edge.to())))
			.append("</title></path>\n");
	}

	private String describe(dev.flows.definition.Position position) {
		return this.graph.at(position).title();
	}

	private int legendWidth() {
		return 470;
	}

	private void legend(int top) {
		int y = top + 12;
		this.out.append("<g class=\"legend\" font-size=\"11\" fill=\"").append(Palette.MUTED).append("\">\n");
		this.out.append("  <path d=\"M")
			.append(MARGIN)
			.append(',')
			.append(y - 4)
			.append(" h28\" stroke=\"")
			.append(Palette.LINE)
			.append("\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
		this.out.append("  <text x=\"").append(MARGIN + 34).append("\" y=\"").append(y).append("\">next</text>\n");
		this.out.append("  <path d=\"M")
			.append(MARGIN + 80)
			.append(',')
			.append(y - 4)
			.append(" h28\" stroke=\"")
			.append(Palette.LINE)
			.append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" marker-end=\"url(#arrow)\"/>\n");
		this.out.append("  <text x=\"").append(MARGIN + 114).append("\" y=\"").append(y).append("\">goTo</text>\n");
		legendSwatch(MARGIN + 170, y, Palette.CURRENT_FILL, Palette.CURRENT_LINE, "current step");
		legendSwatch(MARGIN + 280, y, Palette.VISITED_FILL, Palette.TAKEN, "visited");
		this.out.append("  <text x=\"")
			.append(MARGIN + 350)
			.append("\" y=\"")
			.append(y)
			.append("\" font-style=\"italic\" fill=\"#9a3412\">precondition</text>\n");
		this.out.append("</g>\n");
	}

	private void legendSwatch(int x, int y, String fill, String stroke, String label) {
		this.out.append("  <rect x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y - 10)
			.append("\" width=\"14\" height=\"12\" rx=\"2\" fill=\"")
			.append(fill)
			.append("\" stroke=\"")
			.append(stroke)
			.append("\"/>\n");
		this.out.append("  <text x=\"")
			.append(x + 20)
			.append("\" y=\"")
			.append(y)
			.append("\">")
			.append(escape(label))
			.append("</text>\n");
	}

	/**
	 * Text safe in XML content and attributes; characters XML 1.0 forbids become spaces.
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append((c < 0x20 || c == 0xFFFE || c == 0xFFFF) ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	/** A node's box: size first, then position. */
	private static final class Box {

		final int width;

		final int height;

		int x;

		int y;

		Box(int width, int height) {
			this.width = width;
			this.height = height;
		}

		int right() {
			return this.x + this.width;
		}

		int bottom() {
			return this.y + this.height;
		}

	}

}
