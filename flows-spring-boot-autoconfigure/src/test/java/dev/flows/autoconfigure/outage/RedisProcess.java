package dev.flows.autoconfigure.outage;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of this test's own on loopback, with an append-only file written
 * at every command, so that a task stored before a kill is there again after the restart.
 */
final class RedisProcess extends ServerProcess {

	private Process process;

	RedisProcess() {
		super("redis");
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	void start() {
		try {
			this.process = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir",
					this.directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start redis-server (apt-get install -y redis-server)", ex);
		}
		awaitListening();
	}

	/** SIGKILL: Redis gets no chance to say goodbye to its clients. */
	@Override
	void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
