/**
 * A flow's graph, drawn without any external tool: {@link dev.flows.graph.FlowGraph}
 * models a flow's tree (scaffolds holding their children, steps with their titles, linear
 * order and {@code goTo} targets as edges, transitions and preconditions as labels),
 * optionally with a task's path marked, and renders it as SVG, Graphviz DOT or Mermaid
 * ({@link dev.flows.graph.GraphFormat}).
 */
package dev.flows.graph;
