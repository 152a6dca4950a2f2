package dev.flows.autoconfigure.outage;

import dev.flows.definition.FlowRegistry;
import dev.flows.engine.FlowEngine;
import dev.flows.engine.Task;
import dev.flows.store.TaskStoreUnavailableException;
import dev.flows.web.plainapp.PlainApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application {@code scripts/outage.sh} puts under load while it kills and restarts
 * the task store: the two-step wizard of the web tests at {@code /wizard}, on the store
 * {@code flows.store.type} names, plus {@code POST /outage/tasks}, which starts a task
 * through the engine and answers its id. (A flow's first submit claims the task in the
 * store; the load reads the pages of a task, which need no claim.) Not a test: run by the
 * script only.
 */
@Configuration(proxyBeanMethods = false)
@Import(OutageLoadApplication.Tasks.class)
public class OutageLoadApplication {

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { PlainApplication.class, OutageLoadApplication.class }, args);
	}

	@RestController
	static class Tasks {

		private final FlowEngine engine;

		private final FlowRegistry registry;

		Tasks(FlowEngine engine, FlowRegistry registry) {
			this.engine = engine;
			this.registry = registry;
		}

		@PostMapping("/outage/tasks")
		ResponseEntity<String> start() {
			Task task = this.engine.newTask(this.registry.byPath("/wizard").orElseThrow(), "", null);
			try {
				this.engine.save(task);
				return ResponseEntity.ok(task.id());
			}
			catch (TaskStoreUnavailableException ex) {
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ex.getMessage());
			}
		}

	}

}
