/**
 * Declaring flows: the annotations ({@link dev.flows.definition.Flow},
 * {@link dev.flows.definition.Scaffold}, {@link dev.flows.definition.FlowAction}, ...),
 * the {@link dev.flows.definition.FlowBuilder}, and the immutable, validated model they
 * both produce.
 */
package dev.flows.definition;
