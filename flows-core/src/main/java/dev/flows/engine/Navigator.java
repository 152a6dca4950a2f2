package dev.flows.engine;

import java.util.Optional;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowContext;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;
import dev.flows.definition.Precondition;
import dev.flows.definition.PreconditionResult;
import dev.flows.definition.ScaffoldDefinition;

/**
 * Works out where a task goes: descending into scaffolds through their transitions,
 * skipping nodes whose preconditions say so, and bubbling completion up to the root.
 * Pure: it reads the definition and the context and changes nothing.
 */
final class Navigator {

	/**
	 * A transition that keeps skipping in circles is a definition bug; stop rather than
	 * spin.
	 */
	private static final int MAX_STEPS = 10_000;

	private Navigator() {
	}

	/** The first action of the flow, or {@code null} if every step is skipped. */
	static Position firstAction(FlowDefinition flow, FlowContext context) {
		return settle(flow, Position.ROOT, context);
	}

	/**
	 * Where the task goes after the node at {@code completed} completed; {@code null}
	 * when the flow finishes.
	 */
	static Position advance(FlowDefinition flow, Position completed, FlowContext context) {
		Position next = nextAfter(flow, completed, context);
		return (next != null) ? settle(flow, next, context) : null;
	}

	/**
	 * Where {@code goTo(target)} from the action at {@code from} leads; {@code null} when
	 * the flow finishes.
	 */
	static Position goTo(FlowDefinition flow, Position from, Class<?> target, FlowContext context) {
		ActionDefinition action = flow.action(from).orElseThrow();
		if (!action.mayGoTo(target)) {
			throw new InvalidTransitionException("Action " + action.type().getName() + " returned goTo("
					+ target.getSimpleName() + ") but does not declare it; add it to @FlowAction(targets)", from);
		}
		Position destination = flow.resolveTarget(from, target)
			.orElseThrow(() -> new InvalidTransitionException(
					target.getName() + " is not reachable from " + action.type().getName(), from));
		return settle(flow, destination, context);
	}

	/**
	 * Enters {@code entering}, descending to an action; skipped nodes count as completed.
	 */
	private static Position settle(FlowDefinition flow, Position entering, FlowContext context) {
		Position position = entering;
		for (int steps = 0; steps < MAX_STEPS; steps++) {
			Position reached = descend(flow, position, context);
			if (flow.action(reached).isPresent() && !isSkipped(flow.node(reached).orElseThrow(), context)) {
				return reached;
			}
			Position next = nextAfter(flow, reached, context);
			if (next == null) {
				return null;
			}
			position = next;
		}
		throw new IllegalStateException("Flow '" + flow.id() + "' skipped " + MAX_STEPS
				+ " nodes without reaching an action; check its transitions and skip conditions");
	}

	/**
	 * Goes down from {@code position} through first children until an action or a skipped
	 * node; returns where it stopped.
	 */
	private static Position descend(FlowDefinition flow, Position position, FlowContext context) {
		Position current = position;
		while (flow.node(current).orElseThrow() instanceof ScaffoldDefinition scaffold
				&& !isSkipped(scaffold, context)) {
			NodeDefinition first = scaffold.transition().firstChild(scaffold, context);
			current = current.child(requireChild(scaffold, first, current).name());
		}
		return current;
	}

	/**
	 * The position to enter after {@code completed}, bubbling up; {@code null} when the
	 * root completes.
	 */
	private static Position nextAfter(FlowDefinition flow, Position completed, FlowContext context) {
		Position current = completed;
		while (!current.isRoot()) {
			Position parentPosition = current.parent();
			ScaffoldDefinition parent = flow.scaffold(parentPosition);
			NodeDefinition done = flow.node(current).orElseThrow();
			Optional<NodeDefinition> next = parent.transition().nextChild(parent, done, context);
			if (next.isPresent()) {
				return parentPosition.child(requireChild(parent, next.get(), parentPosition).name());
			}
			current = parentPosition;
		}
		return null;
	}

	private static NodeDefinition requireChild(ScaffoldDefinition scaffold, NodeDefinition chosen, Position position) {
		if (chosen == null || !scaffold.children().contains(chosen)) {
			throw new InvalidTransitionException("Transition " + scaffold.transition().getClass().getName() + " of "
					+ scaffold + " chose " + chosen + ", which is not one of its children; return scaffold.child(...)",
					position);
		}
		return chosen;
	}

	private static boolean isSkipped(NodeDefinition node, FlowContext context) {
		for (Precondition precondition : node.preconditions()) {
			PreconditionResult result = precondition.check(context);
			if (result.kind() != PreconditionResult.Kind.PASS) {
				return result.kind() == PreconditionResult.Kind.SKIP;
			}
		}
		return false;
	}

	/**
	 * The first precondition of {@code position} or an enclosing scaffold that refuses
	 * serving, outermost first; {@link PreconditionResult#pass()} when all allow it.
	 */
	static PreconditionResult checkServing(FlowDefinition flow, Position position, FlowContext context) {
		var chain = position.selfAndAncestors();
		for (int i = chain.size() - 1; i >= 0; i--) {
			for (Precondition precondition : flow.node(chain.get(i)).orElseThrow().preconditions()) {
				PreconditionResult result = precondition.check(context);
				if (!result.allowsServing()) {
					return result;
				}
			}
		}
		return PreconditionResult.pass();
	}

}
