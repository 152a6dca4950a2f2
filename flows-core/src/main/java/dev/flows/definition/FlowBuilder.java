package dev.flows.definition;

import java.util.ArrayDeque;
import java.util.function.Consumer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Builds a {@link FlowDefinition} in code, or from a {@link Flow}-annotated class. Both
 * routes produce the same immutable, validated model.
 *
 * <pre class="code">
 * FlowDefinition purchase = FlowBuilder.flow("purchase", "/buy")
 *     .cancelUrl("/")
 *     .onComplete("purchase/thanks")
 *     .action(ConfirmItem.class)
 *     .scaffold("account", (account) -&gt; account.transition(ExplicitTransition.INSTANCE)
 *         .action(LoginOrRegister.class)
 *         .action(Register.class))
 *     .action(ConfirmAndPay.class)
 *     .build();
 * </pre>
 */
public final class FlowBuilder {

	private final String id;

	private final String path;

	private final Class<?> type;

	private final ScaffoldBuilder root;

	private String title;

	private String cancelUrl = "/";

	private String onComplete = "redirect:/";

	private FlowBuilder(String id, String path, Class<?> type) {
		this.id = id;
		this.path = path;
		this.type = type;
		this.root = new ScaffoldBuilder("", type);
		this.title = (type != null) ? Names.title(type) : Names.title(id);
		this.root.title(this.title);
	}

	/** Starts a flow with the given id, mounted at {@code path}. */
	public static FlowBuilder flow(String id, String path) {
		return new FlowBuilder(id, path, null);
	}

	/**
	 * Starts from a {@link Flow}-annotated class; further calls add to or override what
	 * it declares.
	 */
	public static FlowBuilder fromAnnotatedClass(Class<?> flowClass) {
		Class<?> type = ClassUtils.getUserClass(flowClass);
		Flow flow = AnnotatedElementUtils.findMergedAnnotation(type, Flow.class);
		if (flow == null) {
			throw new FlowDefinitionException(type.getName() + " is not annotated with @Flow");
		}
		FlowBuilder builder = new FlowBuilder(Names.orDefault(flow.name(), Names.kebab(type)), flow.path(), type);
		builder.title(Names.orDefault(flow.title(), builder.title));
		builder.cancelUrl = flow.cancelUrl();
		builder.onComplete = flow.onComplete();
		builder.root.transitionType(flow.transition());
		for (Class<?> child : flow.children()) {
			builder.root.child(child);
		}
		return builder;
	}

	/** A human-readable title. */
	public FlowBuilder title(String title) {
		this.title = title;
		this.root.title(title);
		return this;
	}

	/** Where Cancel sends the user: a local path. */
	public FlowBuilder cancelUrl(String cancelUrl) {
		this.cancelUrl = cancelUrl;
		return this;
	}

	/** {@code redirect:/local/path}, or a view rendered with the final task state. */
	public FlowBuilder onComplete(String onComplete) {
		this.onComplete = onComplete;
		return this;
	}

	/** How the next top-level step is chosen; {@link LinearTransition} by default. */
	public FlowBuilder transition(Transition transition) {
		this.root.transition(transition);
		return this;
	}

	/** Adds a top-level action read from its annotations. */
	public FlowBuilder action(Class<?> actionType) {
		this.root.action(actionType);
		return this;
	}

	/** Adds a top-level action read from its annotations, then adjusted. */
	public FlowBuilder action(Class<?> actionType, Consumer<ActionBuilder> customizer) {
		this.root.action(actionType, customizer);
		return this;
	}

	/** Adds a top-level scaffold declared by a {@link Scaffold}-annotated class. */
	public FlowBuilder scaffold(Class<?> scaffoldType) {
		this.root.scaffold(scaffoldType);
		return this;
	}

	/** Adds a top-level scaffold built in code. */
	public FlowBuilder scaffold(String name, Consumer<ScaffoldBuilder> customizer) {
		this.root.scaffold(name, customizer);
		return this;
	}

	/** Adds a precondition to the whole flow. */
	public FlowBuilder precondition(Precondition precondition) {
		this.root.precondition(precondition);
		return this;
	}

	/**
	 * Builds and validates the flow, creating custom transitions and preconditions
	 * reflectively.
	 */
	public FlowDefinition build() {
		return build(ComponentResolver.reflective());
	}

	/**
	 * Builds and validates the flow.
	 * @throws FlowDefinitionException naming the offending class and the fix
	 */
	public FlowDefinition build(ComponentResolver resolver) {
		ScaffoldDefinition rootDefinition = this.root.build(resolver, new ArrayDeque<>());
		FlowDefinition flow = new FlowDefinition(this.id, this.path, this.title, this.type, rootDefinition,
				this.cancelUrl, this.onComplete);
		FlowValidator.validate(flow);
		return flow;
	}

}
