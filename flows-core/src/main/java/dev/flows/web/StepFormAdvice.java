package dev.flows.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowAction;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Shows a step's form again with the user's earlier answers, for steps that keep their
 * form ({@link FlowAction#form()}): before the {@code @OnGet} method of such a step runs,
 * the form the task holds for it goes into the model, so Spring MVC hands it to the
 * method's {@code @ModelAttribute} argument instead of a new one. Register it as a bean
 * next to a {@link FlowHandlerMapping}; it does nothing for other requests.
 */
@ControllerAdvice
public final class StepFormAdvice {

	private final FlowHandlerMapping mapping;

	/**
	 * @param mapping the flows' handler mapping, which knows each step's form type
	 */
	public StepFormAdvice(FlowHandlerMapping mapping) {
		this.mapping = mapping;
	}

	/** Puts the kept form of the step being shown into the model. */
	@ModelAttribute
	public void restoreStepForm(HttpServletRequest request, Model model) {
		if (!(request.getAttribute(FlowRequest.ATTRIBUTE) instanceof FlowRequest flowRequest)
				|| !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				|| flowRequest.task() == null || !flowRequest.task().isPersisted()
				|| flowRequest.route().position() == null) {
			return;
		}
		ActionDefinition action = flowRequest.route().action();
		if (!action.keepsForm() || model.containsAttribute(action.form())) {
			return;
		}
		Object form = flowRequest.task().state().get(action.formStateKey(), this.mapping.formType(action.type()));
		if (form != null) {
			model.addAttribute(action.form(), form);
		}
	}

}
