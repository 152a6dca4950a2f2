package dev.flows.web;

import java.security.Principal;

import dev.flows.engine.Task;
import dev.flows.engine.TaskBinding;

/**
 * The task a flow request works on, found by {@link FlowInterceptor} and shared with
 * argument resolvers, the outcome handler and the templates through a request attribute.
 *
 * @param route what the URL asks for
 * @param task the task: loaded, or new and not yet stored
 * @param principal the user, or {@code null}
 * @param binding what ties tasks to this request's user
 */
record FlowRequest(FlowRoute route, Task task, Principal principal, TaskBinding binding) {

	static final String ATTRIBUTE = FlowRequest.class.getName();

}
