package dev.flows.sample.purchase;

/**
 * What the customer is buying, as kept in the task state under {@code "item"}. Task state
 * is JSON: a record of plain values is all it takes.
 */
public record ItemChoice(long productId, int quantity) {
}
