package dev.flows.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.flows.definition.ActionBuilder;
import dev.flows.definition.ExplicitTransition;
import dev.flows.definition.FlowAction;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.LinearTransition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.OnGet;
import dev.flows.definition.Position;
import dev.flows.definition.ScaffoldBuilder;
import dev.flows.definition.ScaffoldDefinition;
import dev.flows.definition.Transition;

/**
 * Random flow trees for the engine's property tests ({@link EnginePropertiesTest}): a
 * tree's {@linkplain Shape shape}, the {@link FlowDefinition} built from it with
 * {@link FlowBuilder}, and an oracle of where completing a step or going to a target
 * leads, written independently of the engine's {@code Navigator}.
 * <p>
 * Actions are told apart by class, so a tree uses each class of a fixed pool at most
 * once; each action is named {@code a<n>} and owns the state key {@code v.a<n>}.
 * Scaffolds are named {@code s<n>} and have one of three transitions: linear, explicit,
 * or {@link PickTransition}, a custom one that chooses children by the state value
 * {@value #PICK_KEY}.
 */
final class RandomFlow {

	/**
	 * The state key {@link PickTransition} reads; no step owns it, so rewinds keep it.
	 */
	static final String PICK_KEY = "pick";

	/**
	 * The deepest an action sits below the root: its position has at most this many
	 * names.
	 */
	static final int MAX_DEPTH = 6;

	/** Classes of actions; a tree uses each at most once. */
	static final Class<?>[] POOL = { A00.class, A01.class, A02.class, A03.class, A04.class, A05.class, A06.class,
			A07.class, A08.class, A09.class, A10.class, A11.class, A12.class, A13.class, A14.class, A15.class,
			A16.class, A17.class, A18.class, A19.class, A20.class, A21.class, A22.class, A23.class, A24.class,
			A25.class, A26.class, A27.class, A28.class, A29.class, A30.class, A31.class, A32.class, A33.class,
			A34.class, A35.class, A36.class, A37.class, A38.class, A39.class };

	/** The transitions a scaffold may have. */
	enum Kind {

		LINEAR, EXPLICIT, PICK

	}

	/**
	 * The shape of a tree, as generated; numbering, names and targets are derived from
	 * it.
	 */
	sealed interface Shape permits Leaf, Branch {

		int actions();

		int depth();

	}

	/**
	 * An action.
	 *
	 * @param targetPicks which of the actions it may reach it declares as {@code goTo}
	 * targets, each taken modulo the number of candidates (siblings first, then children
	 * of outer scaffolds)
	 */
	record Leaf(List<Integer> targetPicks) implements Shape {

		@Override
		public int actions() {
			return 1;
		}

		@Override
		public int depth() {
			return 0;
		}

		@Override
		public String toString() {
			return "a" + (this.targetPicks.isEmpty() ? "" : this.targetPicks);
		}

	}

	/** A scaffold. */
	record Branch(Kind kind, List<Shape> children) implements Shape {

		@Override
		public int actions() {
			return this.children.stream().mapToInt(Shape::actions).sum();
		}

		@Override
		public int depth() {
			return 1 + this.children.stream().mapToInt(Shape::depth).max().orElse(0);
		}

		@Override
		public String toString() {
			return this.kind.name().toLowerCase(java.util.Locale.ROOT) + this.children;
		}

	}

	/** A node of the built tree, as the oracle sees it. */
	static final class Node {

		final String name;

		final Position position;

		final Node parent;

		final Kind kind;

		final List<Node> children = new ArrayList<>();

		/** Index into {@link #POOL} for an action, -1 for a scaffold. */
		final int classIndex;

		/** Pool indexes of the declared goTo targets. */
		final Set<Integer> targets = new LinkedHashSet<>();

		Node(String name, Position position, Node parent, Kind kind, int classIndex) {
			this.name = name;
			this.position = position;
			this.parent = parent;
			this.kind = kind;
			this.classIndex = classIndex;
		}

		boolean isAction() {
			return this.classIndex >= 0;
		}

		/** The state key the action owns. */
		String ownedKey() {
			return "v." + this.name;
		}

		@Override
		public String toString() {
			return this.position.toString();
		}

	}

	private final Branch shape;

	private final Node root;

	private final List<Node> actions = new ArrayList<>();

	private final Map<Position, Node> nodes = new LinkedHashMap<>();

	private final FlowDefinition flow;

	private RandomFlow(Branch shape) {
		this.shape = shape;
		int[] counters = new int[2];
		this.root = number(shape, null, Position.ROOT, "", counters);
		for (Node action : this.actions) {
			List<Integer> candidates = targetCandidates(action);
			for (int pick : ((Leaf) leafOf(shape, action)).targetPicks()) {
				action.targets.add(candidates.get(Math.floorMod(pick, candidates.size())));
			}
		}
		FlowBuilder builder = FlowBuilder.flow("random", "/random").transition(transition(this.root.kind));
		for (Node child : this.root.children) {
			if (child.isAction()) {
				builder.action(POOL[child.classIndex], customizer(child));
			}
			else {
				builder.scaffold(child.name, scaffold(child));
			}
		}
		this.flow = builder.build();
	}

	static RandomFlow of(Branch shape) {
		return new RandomFlow(shape);
	}

	Branch shape() {
		return this.shape;
	}

	FlowDefinition flow() {
		return this.flow;
	}

	List<Node> actions() {
		return this.actions;
	}

	/** Every node but the root, in depth-first order. */
	List<Node> nodes() {
		return this.nodes.values().stream().filter((node) -> node != this.root).toList();
	}

	Node node(Position position) {
		return this.nodes.get(position);
	}

	Node node(String position) {
		return node(Position.parse(position));
	}

	boolean isAction(String position) {
		Node node = node(position);
		return node != null && node.isAction();
	}

	/**
	 * The action a task starts at: every scaffold entered through its first child, as
	 * picked with {@code pick}.
	 */
	String entry(int pick) {
		return enter(this.root, pick).toString();
	}

	/**
	 * Where completing the action at {@code from} leads; {@code null} when the flow
	 * finishes.
	 */
	String advance(String from, int pick) {
		Node current = node(from);
		while (current.parent != null) {
			Node parent = current.parent;
			int index = parent.children.indexOf(current);
			int next = switch (parent.kind) {
				case LINEAR -> index + 1;
				case EXPLICIT -> parent.children.size();
				case PICK -> PickTransition.after(index, parent.children.size(), pick);
			};
			if (next < parent.children.size()) {
				return enter(parent.children.get(next), pick).toString();
			}
			current = parent;
		}
		return null;
	}

	/** Where {@code goTo(POOL[target])} from the action at {@code from} leads. */
	String goTo(String from, int target) {
		for (Node scaffold = node(from).parent; scaffold != null; scaffold = scaffold.parent) {
			for (Node child : scaffold.children) {
				if (child.classIndex == target) {
					return child.position.toString();
				}
			}
		}
		throw new IllegalStateException("Target " + target + " is not reachable from " + from);
	}

	private static Position enter(Node node, int pick) {
		Node current = node;
		while (!current.isAction()) {
			int first = (current.kind == Kind.PICK) ? PickTransition.first(current.children.size(), pick) : 0;
			current = current.children.get(first);
		}
		return current.position;
	}

	private Node number(Shape shape, Node parent, Position position, String name, int[] counters) {
		if (shape instanceof Leaf) {
			int index = counters[0]++;
			Node action = new Node("a" + index, position, parent, null, index);
			this.actions.add(action);
			this.nodes.put(position, action);
			return action;
		}
		Branch branch = (Branch) shape;
		Node scaffold = new Node(name, position, parent, branch.kind(), -1);
		this.nodes.put(position, scaffold);
		for (Shape child : branch.children()) {
			String childName = (child instanceof Leaf) ? "a" + counters[0] : "s" + counters[1]++;
			scaffold.children.add(number(child, scaffold, position.child(childName), childName, counters));
		}
		return scaffold;
	}

	/**
	 * The leaf of {@code shape} that became {@code action}: leaves are numbered depth
	 * first.
	 */
	private static Shape leafOf(Shape shape, Node action) {
		List<Leaf> leaves = new ArrayList<>();
		collectLeaves(shape, leaves);
		return leaves.get(action.classIndex);
	}

	private static void collectLeaves(Shape shape, List<Leaf> leaves) {
		if (shape instanceof Leaf leaf) {
			leaves.add(leaf);
		}
		else {
			((Branch) shape).children().forEach((child) -> collectLeaves(child, leaves));
		}
	}

	/**
	 * Actions {@code action} may declare as targets: children of scaffolds enclosing it,
	 * siblings first.
	 */
	private static List<Integer> targetCandidates(Node action) {
		Set<Integer> candidates = new LinkedHashSet<>();
		for (Node scaffold = action.parent; scaffold != null; scaffold = scaffold.parent) {
			for (Node child : scaffold.children) {
				if (child.isAction()) {
					candidates.add(child.classIndex);
				}
			}
		}
		return new ArrayList<>(candidates);
	}

	private static Consumer<ActionBuilder> customizer(Node action) {
		return (builder) -> builder.name(action.name)
			.owns(action.ownedKey())
			.targets(action.targets.stream().map((index) -> POOL[index]).toArray(Class<?>[]::new));
	}

	private static Consumer<ScaffoldBuilder> scaffold(Node scaffold) {
		return (builder) -> {
			builder.transition(transition(scaffold.kind));
			for (Node child : scaffold.children) {
				if (child.isAction()) {
					builder.action(POOL[child.classIndex], customizer(child));
				}
				else {
					builder.scaffold(child.name, scaffold(child));
				}
			}
		};
	}

	private static Transition transition(Kind kind) {
		return switch (kind) {
			case LINEAR -> LinearTransition.INSTANCE;
			case EXPLICIT -> ExplicitTransition.INSTANCE;
			case PICK -> PickTransition.INSTANCE;
		};
	}

	/**
	 * A custom transition choosing on state: enters child {@code pick mod n}; after child
	 * {@code i} completes, goes on to child {@code pick mod (n + 1)} if that comes after
	 * {@code i}, else the scaffold completes ({@code n} meaning "done").
	 */
	static final class PickTransition implements Transition {

		static final PickTransition INSTANCE = new PickTransition();

		static int first(int children, int pick) {
			return Math.floorMod(pick, children);
		}

		static int after(int completed, int children, int pick) {
			int next = Math.floorMod(pick, children + 1);
			return (next > completed) ? next : children;
		}

		private static int pick(FlowContext context) {
			return context.state().get(PICK_KEY, Integer.class, 0);
		}

		@Override
		public NodeDefinition firstChild(ScaffoldDefinition scaffold, FlowContext context) {
			return scaffold.children().get(first(scaffold.children().size(), pick(context)));
		}

		@Override
		public Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
				FlowContext context) {
			int next = after(scaffold.children().indexOf(completed), scaffold.children().size(), pick(context));
			return (next < scaffold.children().size()) ? Optional.of(scaffold.children().get(next)) : Optional.empty();
		}

		@Override
		public String toString() {
			return "pick";
		}

	}

	/** Declared as a goTo target by no action: {@code goTo(Stray.class)} is refused. */
	@FlowAction
	static final class Stray {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A00 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A01 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A02 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A03 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A04 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A05 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A06 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A07 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A08 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A09 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A10 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A11 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A12 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A13 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A14 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A15 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A16 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A17 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A18 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A19 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A20 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A21 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A22 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A23 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A24 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A25 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A26 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A27 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A28 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A29 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A30 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A31 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A32 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A33 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A34 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A35 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A36 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A37 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A38 {

		@OnGet
		void show() {
		}

	}

	@FlowAction
	static final class A39 {

		@OnGet
		void show() {
		}

	}

}
