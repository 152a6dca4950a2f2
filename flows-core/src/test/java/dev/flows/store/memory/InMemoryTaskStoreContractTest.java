package dev.flows.store.memory;

import dev.flows.store.AbstractTaskStoreContractTest;
import dev.flows.store.TaskRecord;
import dev.flows.store.TaskStore;

class InMemoryTaskStoreContractTest extends AbstractTaskStoreContractTest {

	private InMemoryTaskStore store = new InMemoryTaskStore();

	@Override
	protected TaskStore store() {
		return this.store;
	}

	@Override
	protected void clear() {
		this.store = new InMemoryTaskStore();
	}

	/** The map is the backing service, and the store copies records into it untouched. */
	@Override
	protected void writeRaw(TaskRecord record) {
		this.store.insert(record);
	}

}
