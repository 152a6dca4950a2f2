package dev.flows.definition;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Builds an {@link ActionDefinition}. Starts from the class's annotations
 * ({@link FlowAction}, {@link RequiresLogin}, {@link RequiresState},
 * {@link Preconditions}); every setter overrides them.
 */
public final class ActionBuilder {

	private final Class<?> type;

	private String name;

	private String title;

	private String view = "";

	private String fragment = "";

	private String formFragment = "";

	private String submitLabel = "Continue";

	private boolean showBack = true;

	private boolean showCancel = true;

	private boolean skippable;

	private String form = "";

	private final Set<String> ownedStateKeys = new LinkedHashSet<>();

	private final List<Class<?>> targets = new ArrayList<>();

	private final PreconditionList preconditions;

	ActionBuilder(Class<?> type) {
		this.type = ClassUtils.getUserClass(type);
		this.name = Names.kebab(this.type);
		this.title = Names.title(this.type);
		FlowAction action = AnnotatedElementUtils.findMergedAnnotation(this.type, FlowAction.class);
		if (action != null) {
			this.name = Names.orDefault(action.name(), this.name);
			this.title = Names.orDefault(action.title(), this.title);
			this.view = action.view();
			this.fragment = action.fragment();
			this.formFragment = action.formFragment();
			this.submitLabel = action.submitLabel();
			this.showBack = action.showBack();
			this.showCancel = action.showCancel();
			this.skippable = action.skippable();
			this.form = action.form();
			this.ownedStateKeys.addAll(Arrays.asList(action.owns()));
			this.targets.addAll(Arrays.asList(action.targets()));
		}
		this.preconditions = PreconditionList.fromAnnotations(this.type);
	}

	/** The node name used in URLs. */
	public ActionBuilder name(String name) {
		this.name = name;
		return this;
	}

	/** The step title. */
	public ActionBuilder title(String title) {
		this.title = title;
		return this;
	}

	/**
	 * The step's view, rendered when the GET handler returns nothing and on redisplay.
	 */
	public ActionBuilder view(String view) {
		this.view = view;
		return this;
	}

	/**
	 * The fragment of the step's view that an htmx request swaps in place; empty for the
	 * application's default.
	 */
	public ActionBuilder fragment(String fragment) {
		this.fragment = fragment;
		return this;
	}

	/**
	 * The fragment of the step's view that holds its form, swapped alone when htmx
	 * submitted it and it is shown again; empty for the application's default.
	 */
	public ActionBuilder formFragment(String formFragment) {
		this.formFragment = formFragment;
		return this;
	}

	/** The submit button's label. */
	public ActionBuilder submitLabel(String submitLabel) {
		this.submitLabel = submitLabel;
		return this;
	}

	/** Whether the page offers Back. */
	public ActionBuilder showBack(boolean showBack) {
		this.showBack = showBack;
		return this;
	}

	/** Whether the page offers Cancel. */
	public ActionBuilder showCancel(boolean showCancel) {
		this.showCancel = showCancel;
		return this;
	}

	/** Whether a Skip button completes the step without input. */
	public ActionBuilder skippable(boolean skippable) {
		this.skippable = skippable;
		return this;
	}

	/** State keys removed when the user rewinds to before this step. */
	public ActionBuilder owns(String... keys) {
		this.ownedStateKeys.addAll(Arrays.asList(keys));
		return this;
	}

	/**
	 * The model attribute holding the step's form, kept in the task when the step
	 * completes and restored when it is shown again.
	 */
	public ActionBuilder form(String modelAttribute) {
		this.form = modelAttribute;
		return this;
	}

	/** Nodes this action may {@code goTo}. */
	public ActionBuilder targets(Class<?>... targets) {
		this.targets.addAll(Arrays.asList(targets));
		return this;
	}

	/** Adds a precondition after those declared by annotations. */
	public ActionBuilder precondition(Precondition precondition) {
		this.preconditions.add(precondition);
		return this;
	}

	ActionDefinition build(ComponentResolver resolver) {
		Method get = handler(OnGet.class);
		if (get == null) {
			throw new FlowDefinitionException("Action " + this.type.getName()
					+ " has no @OnGet method; add one that renders the step and returns its view name");
		}
		Set<String> owned = new LinkedHashSet<>(this.ownedStateKeys);
		if (!this.form.isEmpty()) {
			owned.add(ActionDefinition.FORM_KEY_PREFIX + this.name);
		}
		return new ActionDefinition(this.name, this.title, this.type, this.view, get, handler(OnPost.class),
				this.submitLabel, this.showBack, this.showCancel, this.skippable, owned, this.targets,
				this.preconditions.resolve(resolver), this.form, this.fragment, this.formFragment);
	}

	private Method handler(Class<? extends java.lang.annotation.Annotation> annotation) {
		List<Method> found = new ArrayList<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(this.type,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			if (AnnotatedElementUtils.hasAnnotation(method, annotation)) {
				found.add(method);
			}
		}
		if (found.size() > 1) {
			throw new FlowDefinitionException(
					"Action " + this.type.getName() + " has " + found.size() + " @" + annotation.getSimpleName()
							+ " methods (" + found.stream().map(Method::getName).toList() + "); keep exactly one");
		}
		return found.isEmpty() ? null : found.get(0);
	}

}
