/**
 * The task store SPI. One sub-package per implementation: {@code memory}, {@code jpa},
 * {@code redis}.
 */
package dev.flows.store;
