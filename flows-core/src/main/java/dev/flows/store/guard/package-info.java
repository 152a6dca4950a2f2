/**
 * Keeping a task store outage from holding the application's threads: a time limit on
 * each store call and a circuit breaker, on Resilience4j (an optional dependency, which
 * the starter brings).
 */
package dev.flows.store.guard;
