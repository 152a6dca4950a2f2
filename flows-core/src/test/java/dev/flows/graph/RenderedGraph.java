package dev.flows.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;

/**
 * Reads rendered graphs back into trees, with parsers of their own (the JDK's XML parser
 * for SVG; line by line for DOT and Mermaid), so that tests compare structure, not
 * substrings.
 *
 * @param id the node's id in the text
 * @param lines the label's lines, unescaped
 * @param children nested nodes, in order
 */
record RenderedGraph(String id, List<String> lines, List<RenderedGraph> children) {

	private static final Pattern DOT_CLUSTER = Pattern.compile("subgraph cluster_(\\w+) \\{");

	private static final Pattern DOT_LABEL = Pattern.compile("label=\"((?:[^\"\\\\]|\\\\.)*)\";");

	private static final Pattern DOT_NODE = Pattern.compile("(\\w+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\".*\\];");

	private static final Pattern DOT_EDGE = Pattern.compile("(\\w+) -> (\\w+)(?: \\[(.*)\\])?;");

	private static final Pattern MERMAID_SUBGRAPH = Pattern.compile("subgraph (\\w+)\\[\"([^\"]*)\"\\]");

	private static final Pattern MERMAID_NODE = Pattern.compile("(\\w+)\\[\"([^\"]*)\"\\]");

	private static final Pattern MERMAID_EDGE = Pattern.compile("(\\w+) (-->|-\\. goTo \\.->) (\\w+)");

	/** A node's title and name, for comparing with the definition. */
	record Named(String title, String name, List<Named> children) {

		/**
		 * The tree a definition should render to: the root is named by the flow's path.
		 */
		static Named of(FlowDefinition flow) {
			return of(flow.root(), flow.path(), flow.title());
		}

		private static Named of(NodeDefinition node, String name, String title) {
			List<Named> children = (node instanceof ScaffoldDefinition scaffold)
					? scaffold.children().stream().map((child) -> of(child, child.name(), child.title())).toList()
					: List.of();
			return new Named(title, name, children);
		}

	}

	/** Title (the first line) and name (the second, up to the transition). */
	Named named() {
		String name = this.lines.get(1);
		int separator = name.indexOf(" \u00b7 ");
		return new Named(this.lines.get(0), (separator >= 0) ? name.substring(0, separator) : name,
				this.children.stream().map(RenderedGraph::named).toList());
	}

	/** Every id in the tree, depth-first. */
	List<String> ids() {
		List<String> ids = new ArrayList<>();
		ids.add(this.id);
		this.children.forEach((child) -> ids.addAll(child.ids()));
		return ids;
	}

	/** An arrow as rendered: its ends' ids and its attributes or arrow text. */
	record Arrow(String from, String to, String style) {
	}

	static RenderedGraph parseDot(String dot) {
		Deque<List<RenderedGraph>> open = new ArrayDeque<>();
		Deque<String> ids = new ArrayDeque<>();
		Deque<List<String>> labels = new ArrayDeque<>();
		open.push(new ArrayList<>());
		for (String raw : dot.split("\n")) {
			String line = raw.strip();
			Matcher cluster = DOT_CLUSTER.matcher(line);
			Matcher label = DOT_LABEL.matcher(line);
			Matcher node = DOT_NODE.matcher(line);
			if (cluster.matches()) {
				ids.push(cluster.group(1));
				labels.push(List.of());
				open.push(new ArrayList<>());
			}
			else if (label.matches() && !ids.isEmpty()) {
				labels.pop();
				labels.push(dotLines(label.group(1)));
			}
			else if (line.equals("}") && !ids.isEmpty()) {
				List<RenderedGraph> children = open.pop();
				open.peek().add(new RenderedGraph(ids.pop(), labels.pop(), children));
			}
			else if (node.matches()) {
				open.peek().add(new RenderedGraph(node.group(1), dotLines(node.group(2)), List.of()));
			}
		}
		List<RenderedGraph> top = open.pop();
		if (top.size() != 1) {
			throw new IllegalStateException("Expected one root cluster, found " + top.size());
		}
		return top.get(0);
	}

	static List<Arrow> dotArrows(String dot) {
		List<Arrow> arrows = new ArrayList<>();
		for (String raw : dot.split("\n")) {
			Matcher edge = DOT_EDGE.matcher(raw.strip());
			if (edge.matches()) {
				arrows.add(new Arrow(edge.group(1), edge.group(2), (edge.group(3) != null) ? edge.group(3) : ""));
			}
		}
		return arrows;
	}

	private static List<String> dotLines(String label) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (c == '\\') {
				char escaped = label.charAt(++i);
				if (escaped == 'n') {
					lines.add(line.toString());
					line.setLength(0);
				}
				else {
					line.append(escaped);
				}
			}
			else {
				line.append(c);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	static RenderedGraph parseMermaid(String mermaid) {
		Deque<List<RenderedGraph>> open = new ArrayDeque<>();
		Deque<String[]> subgraphs = new ArrayDeque<>();
		open.push(new ArrayList<>());
		for (String raw : mermaid.split("\n")) {
			String line = raw.strip();
			Matcher subgraph = MERMAID_SUBGRAPH.matcher(line);
			Matcher node = MERMAID_NODE.matcher(line);
			if (subgraph.matches()) {
				subgraphs.push(new String[] { subgraph.group(1), subgraph.group(2) });
				open.push(new ArrayList<>());
			}
			else if (line.equals("end")) {
				String[] closed = subgraphs.pop();
				List<RenderedGraph> children = open.pop();
				open.peek().add(new RenderedGraph(closed[0], mermaidLines(closed[1]), children));
			}
			else if (node.matches()) {
				open.peek().add(new RenderedGraph(node.group(1), mermaidLines(node.group(2)), List.of()));
			}
		}
		List<RenderedGraph> top = open.pop();
		if (top.size() != 1) {
			throw new IllegalStateException("Expected one root subgraph, found " + top.size());
		}
		return top.get(0);
	}

	static List<Arrow> mermaidArrows(String mermaid) {
		List<Arrow> arrows = new ArrayList<>();
		for (String raw : mermaid.split("\n")) {
			Matcher edge = MERMAID_EDGE.matcher(raw.strip());
			if (edge.matches()) {
				arrows.add(new Arrow(edge.group(1), edge.group(3), edge.group(2)));
			}
		}
		return arrows;
	}

	private static List<String> mermaidLines(String label) {
		return List.of(label.split("<br/>"))
			.stream()
			.map((line) -> line.replace("#quot;", "\"")
				.replace("#lt;", "<")
				.replace("#gt;", ">")
				.replace("#amp;", "&")
				.replace("#35;", "#"))
			.toList();
	}

	/** Parses SVG with the JDK's parser, refusing DTDs and external entities. */
	static Document parseSvg(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The tree of {@code <g class="node ...">} groups, each labelled by its own
	 * {@code <text>} children (not its descendants').
	 */
	static RenderedGraph svgTree(Document svg) {
		List<RenderedGraph> roots = svgNodes(svg.getDocumentElement());
		if (roots.size() != 1) {
			throw new IllegalStateException("Expected one root group, found " + roots.size());
		}
		return roots.get(0);
	}

	private static List<RenderedGraph> svgNodes(Element parent) {
		List<RenderedGraph> nodes = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getLocalName().equals("g")
					&& element.getAttribute("class").startsWith("node ")) {
				List<String> lines = new ArrayList<>();
				for (Node text = element.getFirstChild(); text != null; text = text.getNextSibling()) {
					if (text instanceof Element textElement && textElement.getLocalName().equals("text")) {
						lines.add(textElement.getTextContent());
					}
				}
				nodes.add(new RenderedGraph(element.getAttribute("id"), lines, svgNodes(element)));
			}
		}
		return nodes;
	}

}
