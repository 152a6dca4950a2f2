/**
 * The task store SPI. One sub-package per implementation: {@code memory}, {@code jpa},
 * {@code redis}; {@code guard} bounds how long a call to any of them may hold its caller.
 */
package dev.flows.store;
