package dev.flows.graph;

import java.util.ArrayList;
import java.util.List;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.Purchase;
import dev.flows.engine.purchase.Register;
import dev.flows.graph.RenderedGraph.Arrow;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three renderings read back with parsers of their own: each holds exactly the
 * definition's tree (every scaffold contains exactly its children), the graph's arrows,
 * and a task's marks; every title survives escaping.
 */
class GraphRenderingTest {

	private static final String TRICKY = "Fish & \"chips\" <script>alert('x')</script> #1 \\ back";

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	private final FlowGraph graph = FlowGraph.of(this.purchase);

	@Test
	void svgParsesAndItsNestedGroupsAreTheTree() throws Exception {
		Document svg = RenderedGraph.parseSvg(this.graph.render(GraphFormat.SVG));

		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		RenderedGraph tree = RenderedGraph.svgTree(svg);
		assertThat(tree.named()).isEqualTo(RenderedGraph.Named.of(this.purchase));
		assertThat(tree.ids()).containsExactlyElementsOf(this.graph.nodes().stream().map(GraphNode::id).toList());
		assertThat(tree.children().get(3).lines()).containsExactly("Confirm and pay", "confirm-and-pay",
				"requires state: item");
		assertThat(tree.children().get(2).lines()).containsExactly("Tell us how you want to pay",
				"choose-payment \u00b7 custom: ChoosePaymentTransition", "login required");
	}

	@Test
	void svgHasAPathPerEdgeAndNoScriptOrExternalReference() throws Exception {
		Document svg = RenderedGraph.parseSvg(this.graph.render(GraphFormat.SVG));

		assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(svg.getElementsByTagNameNS("*", "foreignObject").getLength()).isZero();
		List<String> references = new ArrayList<>();
		NodeList all = svg.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			NamedNodeMap attributes = all.item(i).getAttributes();
			for (int j = 0; j < attributes.getLength(); j++) {
				Attr attribute = (Attr) attributes.item(j);
				if (attribute.getLocalName().equals("href") || attribute.getValue().contains("url(")
						|| attribute.getLocalName().startsWith("on")) {
					references.add(attribute.getName() + "=" + attribute.getValue());
				}
			}
		}
		assertThat(references).isNotEmpty()
			.allMatch((reference) -> reference.matches("marker-end=url\\(#arrow(-taken)?\\)"));
		List<String> edgeClasses = new ArrayList<>();
		NodeList paths = svg.getElementsByTagNameNS("*", "path");
		for (int i = 0; i < paths.getLength(); i++) {
			String type = ((Element) paths.item(i)).getAttribute("class");
			if (type.startsWith("edge ")) {
				edgeClasses.add(type);
			}
		}
		assertThat(edgeClasses).hasSize(this.graph.edges().size())
			.filteredOn((type) -> type.equals("edge goto"))
			.hasSize(3);
	}

	@Test
	void dotClustersHoldExactlyTheirChildrenAndArrowsAttachToClusters() {
		String dot = this.graph.render(GraphFormat.DOT);

		RenderedGraph tree = RenderedGraph.parseDot(dot);
		assertThat(tree.named()).isEqualTo(RenderedGraph.Named.of(this.purchase));
		assertThat(tree.ids()).containsExactlyElementsOf(this.graph.nodes().stream().map(GraphNode::id).toList());
		List<Arrow> arrows = RenderedGraph.dotArrows(dot);
		assertThat(arrows).hasSameSizeAs(this.graph.edges());
		for (int i = 0; i < arrows.size(); i++) {
			GraphEdge edge = this.graph.edges().get(i);
			Arrow arrow = arrows.get(i);
			GraphNode from = this.graph.node(edge.from()).orElseThrow();
			GraphNode to = this.graph.node(edge.to()).orElseThrow();
			assertThat(arrow.from()).isEqualTo(from.isScaffold() ? Labels.lastAction(from).id() : from.id());
			assertThat(arrow.to()).isEqualTo(to.isScaffold() ? Labels.firstAction(to).id() : to.id());
			assertThat(arrow.style().contains("ltail=cluster_" + from.id())).isEqualTo(from.isScaffold());
			assertThat(arrow.style().contains("lhead=cluster_" + to.id())).isEqualTo(to.isScaffold());
			assertThat(arrow.style().contains("style=dashed")).isEqualTo(edge.kind() == GraphEdge.Kind.GO_TO);
		}
	}

	@Test
	void mermaidSubgraphsHoldExactlyTheirChildrenAndLinksAreTheEdges() {
		String mermaid = this.graph.render(GraphFormat.MERMAID);

		assertThat(mermaid).startsWith("flowchart TB\n");
		RenderedGraph tree = RenderedGraph.parseMermaid(mermaid);
		assertThat(tree.named()).isEqualTo(RenderedGraph.Named.of(this.purchase));
		assertThat(tree.ids()).containsExactlyElementsOf(this.graph.nodes().stream().map(GraphNode::id).toList());
		assertThat(RenderedGraph.mermaidArrows(mermaid)).containsExactlyElementsOf(this.graph.edges()
			.stream()
			.map((edge) -> new Arrow(this.graph.node(edge.from()).orElseThrow().id(),
					this.graph.node(edge.to()).orElseThrow().id(),
					(edge.kind() == GraphEdge.Kind.NEXT) ? "-->" : "-. goTo .->"))
			.toList());
		assertThat(mermaid).doesNotContain("class ").doesNotContain("linkStyle");
	}

	@Test
	void aTasksPathIsMarkedInEveryFormat() throws Exception {
		Position card = Position.parse("choose-payment/new-payment-method/credit-card");
		FlowGraph marked = FlowGraph.of(this.purchase, card,
				List.of(Position.parse("confirm-item"), Position.parse("get-user-account/login-or-register")));
		String cardId = marked.node(card).orElseThrow().id();
		String confirmItemId = marked.node(Position.parse("confirm-item")).orElseThrow().id();
		String loginId = marked.node(Position.parse("get-user-account/login-or-register")).orElseThrow().id();

		Document svg = RenderedGraph.parseSvg(marked.render(GraphFormat.SVG));
		assertThat(groupClass(svg, cardId)).isEqualTo("node action current");
		assertThat(groupClass(svg, confirmItemId)).isEqualTo("node action visited");
		assertThat(groupClass(svg, marked.node(Position.parse("get-user-account/register")).orElseThrow().id()))
			.isEqualTo("node action");
		assertThat(marked.render(GraphFormat.SVG).split("class=\"edge next taken\"", -1)).hasSize(3);
		assertThat(marked.render(GraphFormat.SVG)).doesNotContain("class=\"edge goto taken\"");

		String dot = marked.render(GraphFormat.DOT);
		assertThat(dot).containsOnlyOnce("penwidth=3").contains("  " + cardId + " [label=");
		assertThat(dot.lines().filter((line) -> line.contains("penwidth=3")).findFirst().orElseThrow())
			.startsWith("        " + cardId + " [");
		assertThat(RenderedGraph.dotArrows(dot)).filteredOn((arrow) -> arrow.style().contains("penwidth=2.5"))
			.hasSize(2);

		String mermaid = marked.render(GraphFormat.MERMAID);
		assertThat(mermaid).contains("\n  class " + cardId + " current\n")
			.contains("\n  class " + confirmItemId + "," + loginId + " visited\n")
			.contains("\n  linkStyle 0,1 stroke:");
		assertThat(marked.edges().subList(0, 2)).as("the link styles' indexes are those of the edges taken")
			.allMatch(GraphEdge::taken);
	}

	@Test
	void titlesWithMarkupQuotesAndBackslashesSurviveEveryFormat() throws Exception {
		FlowDefinition flow = FlowBuilder.flow("tricky", "/tricky")
			.title(TRICKY)
			.action(ConfirmItem.class, (action) -> action.title(TRICKY))
			.action(Register.class)
			.build();
		FlowGraph tricky = FlowGraph.of(flow);
		RenderedGraph.Named expected = RenderedGraph.Named.of(flow);

		Document svg = RenderedGraph.parseSvg(tricky.render(GraphFormat.SVG));
		assertThat(RenderedGraph.svgTree(svg).named()).isEqualTo(expected);
		assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(RenderedGraph.parseDot(tricky.render(GraphFormat.DOT)).named()).isEqualTo(expected);
		assertThat(RenderedGraph.parseMermaid(tricky.render(GraphFormat.MERMAID)).named()).isEqualTo(expected);
	}

	@Test
	void renderingIsDeterministic() {
		for (GraphFormat format : GraphFormat.values()) {
			assertThat(FlowGraph.of(FlowBuilder.fromAnnotatedClass(Purchase.class).build()).render(format))
				.isEqualTo(this.graph.render(format));
		}
	}

	private static String groupClass(Document svg, String id) {
		NodeList groups = svg.getElementsByTagNameNS("*", "g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (group.getAttribute("id").equals(id)) {
				return group.getAttribute("class");
			}
		}
		throw new AssertionError("No group " + id);
	}

}
