/**
 * Flows: task-scoped, multi-step, branching user flows for Spring applications.
 * <p>
 * Sub-packages by concept: {@code definition} (annotations, builder, immutable model),
 * {@code engine} (navigation, outcomes, hooks), {@code state} (JSON task state),
 * {@code store} (persistence SPI and its implementations), {@code web} (the Spring MVC
 * adapter) and {@code graph} (the flow graph).
 */
package dev.flows;
