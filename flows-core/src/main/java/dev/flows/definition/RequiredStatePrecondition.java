package dev.flows.definition;

import java.util.List;

/**
 * The precondition behind {@link RequiresState}: every key must be in the task state.
 */
final class RequiredStatePrecondition implements Precondition {

	private final List<String> keys;

	private final Class<?> otherwise;

	/**
	 * @param keys the keys that must be present
	 * @param otherwise where the user is sent when one is missing, or {@code null} for a
	 * 404
	 */
	public RequiredStatePrecondition(List<String> keys, Class<?> otherwise) {
		this.keys = List.copyOf(keys);
		this.otherwise = otherwise;
	}

	/** The required keys. */
	public List<String> keys() {
		return this.keys;
	}

	/** Where the user is sent when a key is missing, or {@code null}. */
	public Class<?> otherwise() {
		return this.otherwise;
	}

	@Override
	public PreconditionResult check(FlowContext context) {
		for (String key : this.keys) {
			if (!context.state().contains(key)) {
				return (this.otherwise != null) ? PreconditionResult.redirectTo(this.otherwise)
						: PreconditionResult.notFound("This step needs '" + key + "', which the task does not have");
			}
		}
		return PreconditionResult.pass();
	}

	@Override
	public String toString() {
		return "requires state: " + String.join(", ", this.keys);
	}

}
