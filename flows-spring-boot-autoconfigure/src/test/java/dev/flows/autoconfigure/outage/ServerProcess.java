package dev.flows.autoconfigure.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real server this test starts, kills and starts again on the same port and data
 * directory, the way an outage and a recovery happen to a running application.
 */
abstract class ServerProcess implements AutoCloseable {

	final int port;

	final Path directory;

	ServerProcess(String name) {
		this.port = freePort();
		try {
			this.directory = Files.createTempDirectory("flows-outage-" + name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the server and waits until it accepts connections. */
	abstract void start();

	/**
	 * Stops the server abruptly, as a crash would; its data stays in {@link #directory}.
	 */
	abstract void kill();

	@Override
	public void close() {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

	void awaitListening() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.alias(getClass().getSimpleName() + " listening on port " + this.port + " (logs in " + this.directory + ")")
			.until(this::accepts);
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Runs a command to its end. */
	static void run(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command.get(0) + " (scripts/test.sh installs redis-server"
					+ " and postgresql on Debian)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static List<String> command(String... words) {
		return new ArrayList<>(List.of(words));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
