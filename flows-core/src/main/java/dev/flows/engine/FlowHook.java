package dev.flows.engine;

import java.util.Optional;

import dev.flows.definition.NodeDefinition;
import dev.flows.definition.Position;

/**
 * Code run around every move of a task. Declare hooks as beans. For each move, in this
 * order:
 * <ol>
 * <li>{@link #check} of every hook: any veto stops the move and leaves the task
 * unchanged;</li>
 * <li>{@link #beforeTransition} and {@link #onLeave} (each node left, innermost
 * first);</li>
 * <li>the move, and an entry in the task's transition log;</li>
 * <li>{@link #afterTransition} and {@link #onEnter} (each node entered, outermost first),
 * once the task is stored.</li>
 * </ol>
 * Within each step hooks run in Spring's order: implement
 * {@link org.springframework.core.Ordered} or annotate the class with
 * {@link org.springframework.core.annotation.Order @Order} (lower values first; unordered
 * hooks last), ties by {@link #name()}. An exception before the move leaves the task
 * unchanged. Steps 4 and later run only once the move is stored, so they never report a
 * move that did not happen.
 */
public interface FlowHook {

	/**
	 * Orders hooks of equal order, and names a hook that vetoed; the class name by
	 * default.
	 */
	default String name() {
		return getClass().getName();
	}

	/** Return a reason to veto the move, or empty to allow it. */
	default Optional<String> check(TransitionEvent event) {
		return Optional.empty();
	}

	/** Runs before the task moves. */
	default void beforeTransition(TransitionEvent event) {
	}

	/** Runs before the task moves, once for each node it leaves. */
	default void onLeave(NodeDefinition node, Position position, TransitionEvent event) {
	}

	/** Runs after the task moved. */
	default void afterTransition(TransitionEvent event) {
	}

	/** Runs after the task moved, once for each node it entered. */
	default void onEnter(NodeDefinition node, Position position, TransitionEvent event) {
	}

}
