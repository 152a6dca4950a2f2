package dev.flows.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow: a root scaffold mounted at a URL path, with where Cancel and completion lead.
 * Immutable and validated; built by {@link FlowBuilder}.
 */
public final class FlowDefinition {

	private static final String REDIRECT_PREFIX = "redirect:";

	private final String id;

	private final String path;

	private final String title;

	private final Class<?> type;

	private final ScaffoldDefinition root;

	private final String cancelUrl;

	private final String onComplete;

	private final Map<Position, NodeDefinition> nodes;

	FlowDefinition(String id, String path, String title, Class<?> type, ScaffoldDefinition root, String cancelUrl,
			String onComplete) {
		this.id = id;
		this.path = path;
		this.title = title;
		this.type = type;
		this.root = root;
		this.cancelUrl = cancelUrl;
		this.onComplete = onComplete;
		Map<Position, NodeDefinition> index = new LinkedHashMap<>();
		index(Position.ROOT, root, index);
		this.nodes = Collections.unmodifiableMap(index);
	}

	private static void index(Position position, NodeDefinition node, Map<Position, NodeDefinition> index) {
		index.put(position, node);
		if (node instanceof ScaffoldDefinition scaffold) {
			for (NodeDefinition child : scaffold.children()) {
				// Duplicate sibling names are reported by the validator; keep the first
				// here.
				if (!index.containsKey(position.child(child.name()))) {
					index(position.child(child.name()), child, index);
				}
			}
		}
	}

	/** The flow id, unique among flows. */
	public String id() {
		return this.id;
	}

	/** The URL path the flow is mounted at, such as {@code /buy}. */
	public String path() {
		return this.path;
	}

	/** A human-readable title. */
	public String title() {
		return this.title;
	}

	/** The {@link Flow}-annotated class, or {@code null} for a flow built in code. */
	public Class<?> type() {
		return this.type;
	}

	/** The root scaffold. */
	public ScaffoldDefinition root() {
		return this.root;
	}

	/** Where Cancel sends the user. */
	public String cancelUrl() {
		return this.cancelUrl;
	}

	/** {@code redirect:/path} or a view name. */
	public String onComplete() {
		return this.onComplete;
	}

	/** Whether completion redirects rather than renders a view. */
	public boolean completesWithRedirect() {
		return this.onComplete.startsWith(REDIRECT_PREFIX);
	}

	/** The local path completion redirects to, for {@link #completesWithRedirect()}. */
	public String completionRedirectPath() {
		return this.onComplete.substring(REDIRECT_PREFIX.length());
	}

	/** The node at {@code position}. */
	public Optional<NodeDefinition> node(Position position) {
		return Optional.ofNullable(this.nodes.get(position));
	}

	/** The action at {@code position}, empty when there is none or it is a scaffold. */
	public Optional<ActionDefinition> action(Position position) {
		return node(position).filter(ActionDefinition.class::isInstance).map(ActionDefinition.class::cast);
	}

	/**
	 * The scaffold at {@code position}.
	 * @throws IllegalArgumentException if there is no scaffold there
	 */
	public ScaffoldDefinition scaffold(Position position) {
		if (this.nodes.get(position) instanceof ScaffoldDefinition scaffold) {
			return scaffold;
		}
		throw new IllegalArgumentException("Flow '" + this.id + "' has no scaffold at '" + position + "'");
	}

	/** Every node's position, in depth-first declaration order, the root first. */
	public List<Position> positions() {
		return List.copyOf(this.nodes.keySet());
	}

	/** The positions of every node declared by {@code type}, in declaration order. */
	public List<Position> positionsOf(Class<?> type) {
		List<Position> found = new ArrayList<>();
		this.nodes.forEach((position, node) -> {
			if (node.is(type)) {
				found.add(position);
			}
		});
		return found;
	}

	/**
	 * The position {@code goTo(target)} leads to from {@code from}: the child of the
	 * nearest enclosing scaffold that is declared by {@code target}.
	 */
	public Optional<Position> resolveTarget(Position from, Class<?> target) {
		Position scaffoldPosition = from;
		while (!scaffoldPosition.isRoot()) {
			scaffoldPosition = scaffoldPosition.parent();
			ScaffoldDefinition scaffold = scaffold(scaffoldPosition);
			for (NodeDefinition child : scaffold.children()) {
				if (child.is(target)) {
					return Optional.of(scaffoldPosition.child(child.name()));
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "flow '" + this.id + "' at " + this.path;
	}

}
