/**
 * The navigation engine: tasks, outcomes, transitions between steps, hooks and the
 * transition log. Pure Java over the definition model and the store SPI; no servlet API.
 */
package dev.flows.engine;
