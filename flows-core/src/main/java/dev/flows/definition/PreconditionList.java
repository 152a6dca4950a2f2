package dev.flows.definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Preconditions of a node being built: instances, and classes still to be resolved. Login
 * comes first, then required state, then custom ones, so that an anonymous user is asked
 * to sign in before being told about missing state.
 */
final class PreconditionList {

	private final List<Object> entries = new ArrayList<>();

	static PreconditionList fromAnnotations(Class<?> type) {
		PreconditionList list = new PreconditionList();
		if (AnnotatedElementUtils.hasAnnotation(type, RequiresLogin.class)) {
			list.add(LoginRequiredPrecondition.INSTANCE);
		}
		RequiresState state = AnnotatedElementUtils.findMergedAnnotation(type, RequiresState.class);
		if (state != null) {
			list.add(new RequiredStatePrecondition(Arrays.asList(state.value()),
					(state.otherwise() == void.class) ? null : state.otherwise()));
		}
		Preconditions custom = AnnotatedElementUtils.findMergedAnnotation(type, Preconditions.class);
		if (custom != null) {
			list.entries.addAll(Arrays.asList(custom.value()));
		}
		return list;
	}

	void add(Precondition precondition) {
		this.entries.add(precondition);
	}

	List<Precondition> resolve(ComponentResolver resolver) {
		List<Precondition> resolved = new ArrayList<>();
		for (Object entry : this.entries) {
			if (entry instanceof Precondition precondition) {
				resolved.add(precondition);
			}
			else {
				resolved.add(resolver.resolve(((Class<?>) entry).asSubclass(Precondition.class)));
			}
		}
		return resolved;
	}

}
