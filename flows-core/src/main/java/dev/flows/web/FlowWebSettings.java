package dev.flows.web;

import java.util.Objects;

/**
 * How the web layer names its parameters and answers unknown tasks.
 *
 * @param idParam the request parameter carrying the task id ({@code _id})
 * @param versionParam the hidden form field carrying the task version ({@code _v}), which
 * makes a repeated or stale submit harmless
 * @param onUnknownTask what an unknown, expired or foreign task id leads to
 */
public record FlowWebSettings(String idParam, String versionParam, UnknownTaskAction onUnknownTask) {

	/** {@code _id}, {@code _v}, restart. */
	public static final FlowWebSettings DEFAULTS = new FlowWebSettings("_id", "_v", UnknownTaskAction.RESTART);

	/**
	 * Name of the query parameter that tells the entry page its previous task was not
	 * found.
	 */
	public static final String RESTARTED_PARAM = "_restarted";

	/** Name of the form field of the Skip button of a skippable step. */
	public static final String SKIP_PARAM = "_skip";

	/**
	 * Requires both parameter names and the unknown-task answer.
	 */
	public FlowWebSettings {
		Objects.requireNonNull(idParam, "idParam");
		Objects.requireNonNull(versionParam, "versionParam");
		Objects.requireNonNull(onUnknownTask, "onUnknownTask");
	}

	/** Answers to an unknown, expired or foreign task id. */
	public enum UnknownTaskAction {

		/** 303 to the flow's entry page, which says that the previous task expired. */
		RESTART,
		/** 404 Not Found. */
		NOT_FOUND

	}

}
