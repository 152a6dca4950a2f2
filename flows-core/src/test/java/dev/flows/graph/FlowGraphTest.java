package dev.flows.graph;

import java.util.List;

import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.Position;
import dev.flows.definition.PreconditionResult;
import dev.flows.engine.purchase.ConfirmItem;
import dev.flows.engine.purchase.Purchase;
import dev.flows.engine.purchase.Register;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The graph model of the test purchase flow: four levels (the root, account and payment,
 * forgot-password and new-payment-method, bank-account), linear, explicit and custom
 * transitions, goTo targets, built-in and custom preconditions.
 */
class FlowGraphTest {

	private final FlowDefinition purchase = FlowBuilder.fromAnnotatedClass(Purchase.class).build();

	@Test
	void nodesMirrorTheDefinitionTreeWithTitlesNamesAndNumberedIds() {
		FlowGraph graph = FlowGraph.of(this.purchase);

		GraphNode root = graph.root();
		assertThat(root.id()).isEqualTo("n0");
		assertThat(root.name()).as("the root stands for the flow, named by its path").isEqualTo("/buy");
		assertThat(root.title()).isEqualTo("Buy something");
		assertThat(root.children()).extracting(GraphNode::name, GraphNode::kind)
			.containsExactly(tuple("confirm-item", GraphNode.Kind.ACTION),
					tuple("get-user-account", GraphNode.Kind.SCAFFOLD),
					tuple("choose-payment", GraphNode.Kind.SCAFFOLD), tuple("confirm-and-pay", GraphNode.Kind.ACTION));
		assertThat(graph.nodes()).extracting((node) -> node.position().toString())
			.containsExactlyElementsOf(this.purchase.positions().stream().map(Position::toString).toList());
		assertThat(graph.nodes()).extracting(GraphNode::id)
			.containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11", "n12", "n13",
					"n14", "n15", "n16", "n17");
		GraphNode bank = graph.node(Position.parse("choose-payment/new-payment-method/bank-account")).orElseThrow();
		assertThat(bank.children()).extracting(GraphNode::name).containsExactly("bank-details", "account-address");
		assertThat(graph.node(Position.parse("confirm-item")).orElseThrow().title())
			.isEqualTo("Do you want to buy this?");
	}

	@Test
	void transitionsAndPreconditionsBecomeLabels() {
		FlowGraph graph = FlowGraph.of(this.purchase);

		assertThat(graph.root().transition()).isEqualTo("linear");
		assertThat(node(graph, "get-user-account").transition()).isEqualTo("explicit");
		assertThat(node(graph, "get-user-account").preconditions())
			.containsExactly("precondition: SkipWhenAuthenticated");
		assertThat(node(graph, "choose-payment").transition()).isEqualTo("custom: ChoosePaymentTransition");
		assertThat(node(graph, "choose-payment").preconditions()).containsExactly("login required");
		assertThat(node(graph, "confirm-and-pay").preconditions()).containsExactly("requires state: item");
		assertThat(node(graph, "confirm-and-pay").transition()).as("actions have none").isNull();
		assertThat(node(graph, "confirm-item").preconditions()).isEmpty();
	}

	@Test
	void linearOrderAndGoToTargetsAreTheEdges() {
		FlowGraph graph = FlowGraph.of(this.purchase);

		assertThat(graph.edges())
			.extracting((edge) -> edge.from().toString(), (edge) -> edge.to().toString(), GraphEdge::kind)
			.containsExactlyInAnyOrder(tuple("confirm-item", "get-user-account", GraphEdge.Kind.NEXT),
					tuple("get-user-account", "choose-payment", GraphEdge.Kind.NEXT),
					tuple("choose-payment", "confirm-and-pay", GraphEdge.Kind.NEXT),
					tuple("get-user-account/login-or-register", "get-user-account/register", GraphEdge.Kind.GO_TO),
					tuple("get-user-account/login-or-register", "get-user-account/forgot-password",
							GraphEdge.Kind.GO_TO),
					tuple("get-user-account/forgot-password/enter-email", "get-user-account/forgot-password/enter-code",
							GraphEdge.Kind.NEXT),
					tuple("get-user-account/forgot-password/enter-code",
							"get-user-account/forgot-password/reset-password", GraphEdge.Kind.NEXT),
					tuple("get-user-account/forgot-password/reset-password", "get-user-account/login-or-register",
							GraphEdge.Kind.GO_TO),
					tuple("choose-payment/new-payment-method/bank-account/bank-details",
							"choose-payment/new-payment-method/bank-account/account-address", GraphEdge.Kind.NEXT));
		assertThat(graph.edges()).noneMatch(GraphEdge::taken);
		assertThat(graph.nodes()).allMatch((node) -> node.mark() == GraphNode.Mark.NONE);
	}

	@Test
	void aTasksPathMarksItsStepsTheirScaffoldsAndTheEdgesTaken() {
		Position card = Position.parse("choose-payment/new-payment-method/credit-card");
		FlowGraph graph = FlowGraph.of(this.purchase, card,
				List.of(Position.parse("confirm-item"), Position.parse("get-user-account/login-or-register")));

		assertThat(graph.node(card).orElseThrow().mark()).isEqualTo(GraphNode.Mark.CURRENT);
		assertThat(graph.nodes()).filteredOn((node) -> node.mark() == GraphNode.Mark.VISITED)
			.extracting((node) -> node.position().toString())
			.containsExactly("", "confirm-item", "get-user-account", "get-user-account/login-or-register",
					"choose-payment", "choose-payment/new-payment-method");
		assertThat(graph.edges()).filteredOn(GraphEdge::taken)
			.extracting((edge) -> edge.from().toString(), (edge) -> edge.to().toString())
			.containsExactly(tuple("confirm-item", "get-user-account"), tuple("get-user-account", "choose-payment"));
	}

	@Test
	void aStepNotOnThePathStaysUnmarkedEvenWhenItsEdgeLeadsThere() {
		FlowGraph graph = FlowGraph.of(this.purchase, Position.parse("get-user-account/register"),
				List.of(Position.parse("confirm-item"), Position.parse("get-user-account/login-or-register")));

		assertThat(node(graph, "get-user-account/forgot-password").mark()).isEqualTo(GraphNode.Mark.NONE);
		assertThat(graph.edges()).filteredOn(GraphEdge::taken)
			.extracting((edge) -> edge.from().toString(), (edge) -> edge.to().toString())
			.containsExactly(tuple("confirm-item", "get-user-account"),
					tuple("get-user-account/login-or-register", "get-user-account/register"));
	}

	@Test
	void aLambdaPreconditionIsLabelledWithoutItsGeneratedClassName() {
		FlowDefinition flow = FlowBuilder.flow("lambda", "/lambda")
			.action(ConfirmItem.class, (action) -> action.precondition((context) -> PreconditionResult.pass()))
			.action(Register.class)
			.build();

		assertThat(FlowGraph.of(flow).node(Position.parse("confirm-item")).orElseThrow().preconditions())
			.containsExactly("precondition: (lambda)");
	}

	@Test
	void formatsAreNamedCaseInsensitively() {
		assertThat(GraphFormat.named("SVG")).contains(GraphFormat.SVG);
		assertThat(GraphFormat.named("dot")).contains(GraphFormat.DOT);
		assertThat(GraphFormat.named("Mermaid")).contains(GraphFormat.MERMAID);
		assertThat(GraphFormat.named("png")).isEmpty();
		assertThat(GraphFormat.named(null)).isEmpty();
	}

	private static GraphNode node(FlowGraph graph, String position) {
		return graph.node(Position.parse(position)).orElseThrow();
	}

}
