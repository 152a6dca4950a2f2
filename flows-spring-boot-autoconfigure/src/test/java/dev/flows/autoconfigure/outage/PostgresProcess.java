package dev.flows.autoconfigure.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this test's own, from the Debian binaries, on loopback (as in
 * {@code scripts/test.sh}). Run as root, its commands run as the {@code postgres} user,
 * since {@code initdb} refuses root. Killed with {@code pg_ctl stop -m immediate}, which
 * ends every server process at once, as a crash does; its data directory survives for the
 * restart.
 */
final class PostgresProcess extends ServerProcess {

	private final Path bin;

	private final boolean root = "root".equals(System.getProperty("user.name"));

	private boolean running;

	PostgresProcess() {
		super("postgres");
		this.bin = newestBin();
		try {
			if (this.root) {
				UserPrincipal postgres = this.directory.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName("postgres");
				Files.setOwner(this.directory, postgres);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run(asPostgres(this.bin.resolve("initdb").toString(), "-D", data(), "-U", "postgres", "-A", "trust", "-E",
				"UTF8", "--no-locale"), log());
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	void start() {
		run(asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-l",
				this.directory.resolve("pg.log").toString(), "-o",
				"-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w",
				"start"), log());
		this.running = true;
		awaitListening();
	}

	@Override
	void kill() {
		if (this.running) {
			run(asPostgres(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop"),
					log());
			this.running = false;
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private Path log() {
		// Outside the data directory's owner's reach is fine: ProcessBuilder writes it as
		// this JVM's user.
		return this.directory.resolveSibling(this.directory.getFileName() + ".log");
	}

	@Override
	public void close() {
		super.close();
		try {
			Files.deleteIfExists(log());
		}
		catch (IOException ex) {
			// a temporary file left behind
		}
	}

	private List<String> asPostgres(String... command) {
		List<String> words = command();
		if (this.root) {
			words.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		words.addAll(List.of(command));
		return words;
	}

	private static Path newestBin() {
		Path versions = Path.of("/usr/lib/postgresql");
		try (Stream<Path> installed = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
			return installed.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.comparing(
						(bin) -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""))))
				.orElseThrow(() -> new IllegalStateException(
						"PostgreSQL is not installed under /usr/lib/postgresql (apt-get install -y postgresql)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
