package dev.flows.definition;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An action: one step of a flow, handled by a bean of {@link #type()}.
 *
 * @param name the name used in URLs
 * @param title the step title
 * @param type the action bean's class
 * @param view the step's view name, or {@code ""} when the GET handler returns one
 * @param getHandler the {@link OnGet} method
 * @param postHandler the {@link OnPost} method, or {@code null} when any POST completes
 * the step
 * @param submitLabel the label of the submit button
 * @param showBack whether the page offers Back
 * @param showCancel whether the page offers Cancel
 * @param skippable whether a Skip button completes the step without input
 * @param ownedStateKeys state keys removed when the user rewinds to before this step
 * @param targets the nodes this action may {@code goTo}
 * @param preconditions checked before the step is entered or served
 * @param form the model attribute holding the step's form, kept in the task when the step
 * completes and restored when it is shown again; {@code ""} for none
 * @param fragment the fragment of the view that an htmx request swaps in place;
 * {@code ""} for the application's default
 * @param formFragment the fragment of the view that holds the step's form, which alone is
 * swapped when htmx submitted it and it is shown again; {@code ""} for the application's
 * default
 */
public record ActionDefinition(String name, String title, Class<?> type, String view, Method getHandler,
		Method postHandler, String submitLabel, boolean showBack, boolean showCancel, boolean skippable,
		Set<String> ownedStateKeys, List<Class<?>> targets, List<Precondition> preconditions, String form,
		String fragment, String formFragment) implements NodeDefinition {

	/** Prefix of the state keys under which steps keep their forms. */
	public static final String FORM_KEY_PREFIX = "form:";

	/**
	 * Requires a name and a type, reads a {@code null} view, form or fragment as
	 * {@code ""} (none, or the application's default), and keeps unmodifiable copies of
	 * the collections, so that a definition cannot change once built.
	 */
	public ActionDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		view = (view != null) ? view : "";
		form = (form != null) ? form : "";
		fragment = (fragment != null) ? fragment : "";
		formFragment = (formFragment != null) ? formFragment : "";
		ownedStateKeys = Set.copyOf(ownedStateKeys);
		targets = List.copyOf(targets);
		preconditions = List.copyOf(preconditions);
	}

	/** Whether the step keeps its form in the task (see {@link FlowAction#form()}). */
	public boolean keepsForm() {
		return !this.form.isEmpty();
	}

	/**
	 * The state key under which the step keeps its form: {@code form:} and the step's
	 * name.
	 */
	public String formStateKey() {
		return FORM_KEY_PREFIX + this.name;
	}

	/** Whether {@code type} is one of the declared {@link #targets()}. */
	public boolean mayGoTo(Class<?> type) {
		return this.targets.stream().anyMatch((target) -> target.equals(type));
	}

	@Override
	public String toString() {
		return "action '" + this.name + "' (" + this.type.getName() + ")";
	}

}
