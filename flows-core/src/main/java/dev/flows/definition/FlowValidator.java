package dev.flows.definition;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks a built flow once, at startup, so mistakes surface as a clear message rather
 * than as a confused user later.
 */
final class FlowValidator {

	private FlowValidator() {
	}

	static void validate(FlowDefinition flow) {
		if (flow.id() == null || flow.id().isBlank()) {
			throw new FlowDefinitionException(
					((flow.type() != null) ? flow.type().getName() : "The flow at " + flow.path())
							+ " has no id; give it an id such as FlowBuilder.flow(\"purchase\", \"/buy\")");
		}
		String owner = (flow.type() != null) ? flow.type().getName() : "Flow '" + flow.id() + "'";
		// Segments of only dots ("/..", "/.") are resolved away by browsers and servlet
		// containers.
		if (flow.path() == null || !flow.path().matches("(/(?!\\.+(/|$))[A-Za-z0-9_.~-]+)+")) {
			throw new FlowDefinitionException(owner + " has path '" + flow.path()
					+ "'; use a path such as /buy or /account/close: segments of letters, digits, '-', '_', '.'");
		}
		if (!Names.isLocalPath(flow.cancelUrl())) {
			throw new FlowDefinitionException(
					owner + " has cancelUrl '" + flow.cancelUrl() + "'; use a local path starting with a single '/'");
		}
		if (flow.completesWithRedirect() && !Names.isLocalPath(flow.completionRedirectPath())) {
			throw new FlowDefinitionException(owner + " has onComplete '" + flow.onComplete()
					+ "'; redirect only to a local path such as redirect:/orders");
		}
		if (!flow.completesWithRedirect() && flow.onComplete().isBlank()) {
			throw new FlowDefinitionException(owner + " has no onComplete; give a view name or redirect:/path");
		}
		validatePreconditions(flow, flow.root(), owner);
		validateScaffold(flow, Position.ROOT, flow.root());
	}

	private static void validateScaffold(FlowDefinition flow, Position position, ScaffoldDefinition scaffold) {
		Map<String, NodeDefinition> byName = new HashMap<>();
		for (NodeDefinition child : scaffold.children()) {
			if (!Names.VALID_NAME.matcher(child.name()).matches()) {
				throw new FlowDefinitionException(describe(child) + " has the name '" + child.name()
						+ "'; names appear in URLs, so use letters, digits, '-', '_' or '.', and do not start with '_'");
			}
			NodeDefinition clash = byName.putIfAbsent(child.name(), child);
			if (clash != null) {
				throw new FlowDefinitionException(
						describe(scaffold, flow) + " has two children named '" + child.name() + "' (" + describe(clash)
								+ " and " + describe(child) + "); give one of them another name in its annotation");
			}
			Position childPosition = position.child(child.name());
			validatePreconditions(flow, child, describe(child));
			if (child instanceof ScaffoldDefinition nested) {
				validateScaffold(flow, childPosition, nested);
			}
			else if (child instanceof ActionDefinition action) {
				validateTargets(flow, childPosition, action);
			}
		}
	}

	private static void validateTargets(FlowDefinition flow, Position position, ActionDefinition action) {
		for (Class<?> target : action.targets()) {
			if (flow.positionsOf(target).isEmpty()) {
				throw new FlowDefinitionException("Action " + action.type().getName() + " declares goTo target "
						+ target.getName() + ", which does not exist in " + flow
						+ "; add it to a scaffold enclosing the action, or remove it from targets");
			}
			if (flow.resolveTarget(position, target).isEmpty()) {
				throw new FlowDefinitionException("Action " + action.type().getName() + " declares goTo target "
						+ target.getName() + ", which is not reachable from it in " + flow
						+ ": a target must be a child of a scaffold enclosing the action; move it there or remove it");
			}
		}
	}

	private static void validatePreconditions(FlowDefinition flow, NodeDefinition node, String description) {
		for (Precondition precondition : node.preconditions()) {
			if (precondition instanceof RequiredStatePrecondition required && required.otherwise() != null
					&& flow.positionsOf(required.otherwise()).isEmpty()) {
				throw new FlowDefinitionException(
						description + " has @RequiresState(otherwise = " + required.otherwise().getName()
								+ "), which does not exist in " + flow + "; name an action of this flow");
			}
		}
	}

	private static String describe(NodeDefinition node) {
		return (node.type() != null) ? node.type().getName() : "Scaffold '" + node.name() + "'";
	}

	private static String describe(ScaffoldDefinition scaffold, FlowDefinition flow) {
		return scaffold.name().isEmpty() ? ((flow.type() != null) ? flow.type().getName() : flow.toString())
				: describe(scaffold);
	}

}
