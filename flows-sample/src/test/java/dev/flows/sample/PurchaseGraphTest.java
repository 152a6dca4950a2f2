package dev.flows.sample;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.flows.definition.FlowDefinition;
import dev.flows.definition.FlowRegistry;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;
import dev.flows.graph.FlowGraph;
import dev.flows.graph.GraphFormat;
import dev.flows.graph.GraphNode;
import dev.flows.sample.Visitor.Page;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's purchase flow drawn by the shop itself ({@code flows.graph.enabled: true}):
 * the SVG is XML naming every step, DOT and Mermaid hold the same tree, a customer's own
 * task is marked, a stranger's is not found, and {@code docs/purchase-flow.svg} (shown in
 * the README) is the current drawing.
 */
class PurchaseGraphTest extends VisitorTestSupport {

	/** The drawing the README shows, from this module's directory. */
	private static final Path README_IMAGE = Path.of("..", "docs", "purchase-flow.svg");

	private static final Pattern TASK_ID = Pattern.compile("_id=([A-Za-z0-9_-]{22})");

	@Autowired
	FlowRegistry registry;

	@Test
	void theSvgParsesAsXmlAndNamesEveryStepInItsScaffoldsBox() throws Exception {
		Page page = newVisitor().request("GET", "/buy/.flowgraph", "image/svg+xml");
		assertThat(page.status()).isEqualTo(200);

		Document svg = parse(page.html());
		FlowDefinition purchase = purchase();
		for (Position position : purchase.positions()) {
			NodeDefinition node = purchase.node(position).orElseThrow();
			Element group = group(svg, position);
			List<String> texts = ownTexts(group);
			if (!position.isRoot()) {
				assertThat(texts).as(position.toString()).contains(node.title());
				Element parentGroup = (Element) group.getParentNode();
				assertThat(titleOf(parentGroup)).as("the box holding " + position)
					.isEqualTo(position.parent().isRoot() ? "/buy" : position.parent().toString());
			}
			if (node instanceof dev.flows.definition.ActionDefinition) {
				assertThat(group.getAttribute("class")).isEqualTo("node action");
				assertThat(texts).as(position.toString()).contains(position.leaf());
			}
		}
		assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
	}

	@Test
	void dotAndMermaidHoldTheSameTree() {
		Visitor visitor = newVisitor();
		FlowGraph graph = FlowGraph.of(purchase());

		String dot = visitor.request("GET", "/buy/.flowgraph?format=dot", "*/*").html();
		String mermaid = visitor.request("GET", "/buy/.flowgraph?format=mermaid", "*/*").html();

		assertThat(dot).isEqualTo(graph.render(GraphFormat.DOT));
		assertThat(mermaid).isEqualTo(graph.render(GraphFormat.MERMAID));
		assertThat(mermaidTree(mermaid)).isEqualTo(idTree(graph.root()));
		for (GraphNode node : graph.nodes()) {
			assertThat(dot).contains(node.isScaffold() ? "subgraph cluster_" + node.id() + " {"
					: node.id() + " [label=\"" + node.title() + "\\n" + node.name());
		}
	}

	@Test
	void aCustomerSeesTheirStepMarkedAndAStrangerFindsNothing() throws Exception {
		Visitor customer = newVisitor();
		Page login = startPurchase(customer);
		Matcher id = TASK_ID.matcher(login.path());
		assertThat(id.find()).as(login.path()).isTrue();
		String graphOfTask = "/buy/.flowgraph?_id=" + id.group(1);

		Document svg = parse(customer.request("GET", graphOfTask, "image/svg+xml").html());
		assertThat(group(svg, Position.parse("account/login")).getAttribute("class")).isEqualTo("node action current");
		assertThat(group(svg, Position.parse("item")).getAttribute("class")).isEqualTo("node action visited");
		assertThat(group(svg, Position.parse("account/register")).getAttribute("class")).isEqualTo("node action");

		Page stranger = newVisitor().request("GET", graphOfTask, "image/svg+xml");
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.html()).doesNotContain("current");
	}

	@Test
	void theReadmeImageIsTheCurrentDrawing() throws Exception {
		String current = newVisitor().request("GET", "/buy/.flowgraph", "image/svg+xml").html();
		String saved = Files.exists(README_IMAGE) ? Files.readString(README_IMAGE, StandardCharsets.UTF_8) : "";
		if (!saved.equals(current)) {
			Path fresh = Path.of("target", "purchase-flow.svg");
			Files.writeString(fresh, current, StandardCharsets.UTF_8);
			assertThat(saved)
				.as("docs/purchase-flow.svg is out of date; copy flows-sample/" + fresh
						+ " over it (the flow or its drawing changed)")
				.isEqualTo(current);
		}
	}

	private FlowDefinition purchase() {
		return this.registry.byPath("/buy").orElseThrow();
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The node group whose {@code <title>} is the position ({@code /buy} for the root).
	 */
	private static Element group(Document svg, Position position) {
		String wanted = position.isRoot() ? "/buy" : position.toString();
		NodeList groups = svg.getElementsByTagNameNS("*", "g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (group.getAttribute("class").startsWith("node ") && wanted.equals(titleOf(group))) {
				return group;
			}
		}
		throw new AssertionError("No box for " + wanted);
	}

	private static String titleOf(Element group) {
		for (Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getLocalName().equals("title")) {
				return element.getTextContent();
			}
		}
		return null;
	}

	/** The group's own {@code <text>} lines, not its children's. */
	private static List<String> ownTexts(Element group) {
		List<String> texts = new ArrayList<>();
		for (Node child = group.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getLocalName().equals("text")) {
				texts.add(element.getTextContent());
			}
		}
		return texts;
	}

	/**
	 * The graph's ids as nested lists: {@code id} for a step, {@code [id, children...]}.
	 */
	private static Object idTree(GraphNode node) {
		if (!node.isScaffold()) {
			return node.id();
		}
		List<Object> tree = new ArrayList<>();
		tree.add(node.id());
		node.children().forEach((child) -> tree.add(idTree(child)));
		return tree;
	}

	/** Mermaid's subgraphs and nodes read back the same way, from its own lines. */
	private static Object mermaidTree(String mermaid) {
		List<List<Object>> open = new ArrayList<>();
		Object root = null;
		Pattern subgraph = Pattern.compile("subgraph (\\w+)\\[.*");
		Pattern node = Pattern.compile("(\\w+)\\[\".*\"\\]");
		for (String raw : mermaid.split("\n")) {
			String line = raw.strip();
			Matcher opening = subgraph.matcher(line);
			Matcher leaf = node.matcher(line);
			if (opening.matches()) {
				List<Object> scaffold = new ArrayList<>();
				scaffold.add(opening.group(1));
				if (!open.isEmpty()) {
					open.get(open.size() - 1).add(scaffold);
				}
				open.add(scaffold);
			}
			else if (line.equals("end")) {
				root = open.remove(open.size() - 1);
			}
			else if (leaf.matches()) {
				open.get(open.size() - 1).add(leaf.group(1));
			}
		}
		return root;
	}

}
