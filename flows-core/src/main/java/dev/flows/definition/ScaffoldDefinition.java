package dev.flows.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scaffold: ordered children and the transition that chooses among them.
 *
 * @param name the name used in URLs ({@code ""} for a flow's root)
 * @param title the title, for progress indicators
 * @param type the class that declared it, or {@code null} for one built without a class
 * @param children the actions and scaffolds in order
 * @param transition chooses the child to enter first and the next one when a child
 * completes
 * @param preconditions checked before any descendant is entered or served
 */
public record ScaffoldDefinition(String name, String title, Class<?> type, List<NodeDefinition> children,
		Transition transition, List<Precondition> preconditions) implements NodeDefinition {

	/**
	 * Requires a name and a transition, and keeps unmodifiable copies of the children and
	 * preconditions, so that a definition cannot change once built.
	 */
	public ScaffoldDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(transition, "transition");
		children = List.copyOf(children);
		preconditions = List.copyOf(preconditions);
	}

	/** The child called {@code name}. */
	public Optional<NodeDefinition> child(String name) {
		return this.children.stream().filter((child) -> child.name().equals(name)).findFirst();
	}

	/**
	 * The child declared by {@code type}, for custom transitions:
	 * {@code scaffold.child(CreditCard.class)}.
	 * @throws IllegalArgumentException if there is none
	 */
	public NodeDefinition child(Class<?> type) {
		return this.children.stream()
			.filter((child) -> child.is(type))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Scaffold '" + this.name + "' has no child of type " + type.getName()));
	}

	/** The child after {@code child}, if any. */
	public Optional<NodeDefinition> childAfter(NodeDefinition child) {
		int index = this.children.indexOf(child);
		return (index >= 0 && index + 1 < this.children.size()) ? Optional.of(this.children.get(index + 1))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return "scaffold '" + this.name + "'" + ((this.type != null) ? " (" + this.type.getName() + ")" : "");
	}

}
