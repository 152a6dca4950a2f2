/**
 * The Spring MVC adapter: flow URLs mapped to action handler methods, task binding, the
 * {@code flow} model object, automatic task id fields, and answers to bad requests.
 */
package dev.flows.web;
