/**
 * A test kit for your own flows. {@link dev.flows.test.FlowsMockMvc} is a browser over
 * MockMvc: it starts a flow, fills and submits each step's form by field name, follows
 * the redirects and carries the task id, version, CSRF token, session and cookies;
 * {@link dev.flows.test.FlowTester} runs a flow on the engine alone, without a web
 * context. AssertJ's {@code assertThat} on either gives assertions on the step, the page
 * and the task's state.
 */
package dev.flows.test;
