package dev.flows.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Builds a {@link ScaffoldDefinition}: children in order, a transition and preconditions.
 * Children given as classes are read from their annotations when the flow is built.
 */
public final class ScaffoldBuilder {

	private String name;

	private String title;

	private final Class<?> type;

	private final List<Object> children = new ArrayList<>();

	private Object transition = LinearTransition.INSTANCE;

	private final PreconditionList preconditions;

	ScaffoldBuilder(String name, Class<?> type) {
		this.name = name;
		this.title = (type != null) ? Names.title(type) : Names.title(name);
		this.type = type;
		this.preconditions = (type != null) ? PreconditionList.fromAnnotations(type) : new PreconditionList();
	}

	static ScaffoldBuilder fromAnnotatedClass(Class<?> scaffoldClass) {
		Class<?> type = ClassUtils.getUserClass(scaffoldClass);
		Scaffold scaffold = AnnotatedElementUtils.findMergedAnnotation(type, Scaffold.class);
		if (scaffold == null) {
			throw new FlowDefinitionException(
					type.getName() + " is used as a scaffold but is not annotated with @Scaffold");
		}
		ScaffoldBuilder builder = new ScaffoldBuilder(Names.orDefault(scaffold.name(), Names.kebab(type)), type);
		builder.title = Names.orDefault(scaffold.title(), builder.title);
		builder.transitionType(scaffold.transition());
		for (Class<?> child : scaffold.children()) {
			builder.child(child);
		}
		return builder;
	}

	/** The node name used in URLs. */
	public ScaffoldBuilder name(String name) {
		this.name = name;
		return this;
	}

	/** The title, for progress indicators. */
	public ScaffoldBuilder title(String title) {
		this.title = title;
		return this;
	}

	/** How the next child is chosen; {@link LinearTransition} by default. */
	public ScaffoldBuilder transition(Transition transition) {
		this.transition = transition;
		return this;
	}

	/** A transition given as a class, resolved when the flow is built. */
	void transitionType(Class<? extends Transition> transitionType) {
		this.transition = transitionType;
	}

	/** Adds an action read from its class's annotations. */
	public ScaffoldBuilder action(Class<?> actionType) {
		this.children.add(new ActionBuilder(actionType));
		return this;
	}

	/**
	 * Adds an action read from its class's annotations, then adjusted by
	 * {@code customizer}.
	 */
	public ScaffoldBuilder action(Class<?> actionType, Consumer<ActionBuilder> customizer) {
		ActionBuilder action = new ActionBuilder(actionType);
		customizer.accept(action);
		this.children.add(action);
		return this;
	}

	/** Adds a scaffold declared by a {@link Scaffold}-annotated class. */
	public ScaffoldBuilder scaffold(Class<?> scaffoldType) {
		this.children.add(ClassUtils.getUserClass(scaffoldType));
		return this;
	}

	/** Adds a scaffold built in code. */
	public ScaffoldBuilder scaffold(String name, Consumer<ScaffoldBuilder> customizer) {
		ScaffoldBuilder scaffold = new ScaffoldBuilder(name, null);
		customizer.accept(scaffold);
		this.children.add(scaffold);
		return this;
	}

	/** Adds a precondition after those declared by annotations. */
	public ScaffoldBuilder precondition(Precondition precondition) {
		this.preconditions.add(precondition);
		return this;
	}

	/** Adds a child class: an action or a scaffold, told apart by its annotation. */
	void child(Class<?> childClass) {
		Class<?> type = ClassUtils.getUserClass(childClass);
		if (AnnotatedElementUtils.hasAnnotation(type, Scaffold.class)) {
			this.children.add(type);
		}
		else if (AnnotatedElementUtils.hasAnnotation(type, FlowAction.class)) {
			this.children.add(new ActionBuilder(type));
		}
		else {
			throw new FlowDefinitionException(type.getName() + " is listed as a child of " + describe()
					+ " but is neither a @FlowAction nor a @Scaffold; annotate it with one of them");
		}
	}

	ScaffoldDefinition build(ComponentResolver resolver, Deque<Class<?>> enclosing) {
		if (this.children.isEmpty()) {
			throw new FlowDefinitionException(
					"Scaffold " + describe() + " has no children; list at least one action or scaffold in it");
		}
		boolean pushed = false;
		if (this.type != null) {
			if (enclosing.contains(this.type)) {
				throw new FlowDefinitionException(
						"Scaffold " + this.type.getName() + " contains itself (" + cycle(enclosing, this.type)
								+ "); remove it from the children of " + enclosing.peek().getName());
			}
			enclosing.push(this.type);
			pushed = true;
		}
		try {
			List<NodeDefinition> built = new ArrayList<>();
			for (Object child : this.children) {
				built.add(buildChild(child, resolver, enclosing));
			}
			return new ScaffoldDefinition(this.name, this.title, this.type, built, resolveTransition(resolver),
					this.preconditions.resolve(resolver));
		}
		finally {
			if (pushed) {
				enclosing.pop();
			}
		}
	}

	private NodeDefinition buildChild(Object child, ComponentResolver resolver, Deque<Class<?>> enclosing) {
		if (child instanceof ActionBuilder action) {
			return action.build(resolver);
		}
		if (child instanceof ScaffoldBuilder scaffold) {
			return scaffold.build(resolver, enclosing);
		}
		Class<?> scaffoldClass = (Class<?>) child;
		if (enclosing.contains(scaffoldClass)) {
			throw new FlowDefinitionException(
					"Scaffold " + scaffoldClass.getName() + " contains itself (" + cycle(enclosing, scaffoldClass)
							+ "); remove it from the children of " + enclosing.peek().getName());
		}
		return fromAnnotatedClass(scaffoldClass).build(resolver, enclosing);
	}

	private Transition resolveTransition(ComponentResolver resolver) {
		if (this.transition instanceof Transition instance) {
			return instance;
		}
		Class<?> transitionClass = (Class<?>) this.transition;
		if (transitionClass == LinearTransition.class) {
			return LinearTransition.INSTANCE;
		}
		if (transitionClass == ExplicitTransition.class) {
			return ExplicitTransition.INSTANCE;
		}
		return resolver.resolve(transitionClass.asSubclass(Transition.class));
	}

	private static String cycle(Deque<Class<?>> enclosing, Class<?> repeated) {
		Deque<Class<?>> outermostFirst = new ArrayDeque<>();
		enclosing.forEach(outermostFirst::push);
		List<String> names = outermostFirst.stream()
			.dropWhile((type) -> !type.equals(repeated))
			.map(Class::getSimpleName)
			.collect(Collectors.toCollection(ArrayList::new));
		names.add(repeated.getSimpleName());
		return String.join(" -> ", names);
	}

	String describe() {
		return (this.type != null) ? this.type.getName() : "'" + this.name + "'";
	}

}
