package dev.flows.bench.forms;

/**
 * The {@code flow} model object of the plain controller's pages: where the form posts.
 * (Flows puts its own {@code flow} object, with the same property, on its pages; Spring
 * Web Flow's pages post to {@code flowExecutionUrl}.)
 */
public record PageInfo(String formAction) {
}
