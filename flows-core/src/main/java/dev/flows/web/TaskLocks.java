package dev.flows.web;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the POSTs of one task within this JVM, so a double click is processed once: the
 * second request waits, then finds the task at a newer version and is treated as stale. Across
 * nodes the store's version check still stops the second save.
 */
final class TaskLocks {

	private final ReentrantLock[] stripes;

	TaskLocks(int stripes) {
		this.stripes = new ReentrantLock[stripes];
		for (int i = 0; i < stripes; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	ReentrantLock forTask(String taskId) {
		return this.stripes[Math.floorMod(taskId.hashCode(), this.stripes.length)];
	}

}
