package dev.flows.definition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link FlowAction} that processes the step's form on POST. It
 * takes the arguments of a Spring MVC handler method ({@code @Valid @ModelAttribute},
 * {@code BindingResult}, ...) plus {@code Task}, {@code TaskState} and
 * {@code @FlowState}, and returns an {@code Outcome}; a returned view name re-renders the
 * step. An action without one completes on any POST, which suits informational steps.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnPost {

}
