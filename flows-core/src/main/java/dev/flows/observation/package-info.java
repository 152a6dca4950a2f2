/**
 * Metrics and traces of flows through Micrometer's Observation API: an
 * {@link dev.flows.engine.FlowObserver} that turns step submissions, step entries and
 * task lifecycle events into observations with low-cardinality key values (flow, step,
 * outcome or event; never a task id). Needs {@code io.micrometer:micrometer-observation};
 * Spring Boot's auto-configuration registers it when an {@code ObservationRegistry} bean
 * exists.
 */
package dev.flows.observation;
