package dev.flows.definition;

/**
 * Checked before an action or scaffold is entered (as the flow moves into it) and before
 * an action is served (GET or POST). Built in: {@link RequiresState} and
 * {@link RequiresLogin}; custom ones are declared with {@link Preconditions}.
 */
@FunctionalInterface
public interface Precondition {

	/** Decide whether the guarded node may be entered or served. */
	PreconditionResult check(FlowContext context);

}
