/**
 * Task state: a JSON tree read back into the types callers ask for, with a size limit.
 */
package dev.flows.state;
