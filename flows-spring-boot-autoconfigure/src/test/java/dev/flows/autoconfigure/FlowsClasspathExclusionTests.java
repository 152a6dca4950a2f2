package dev.flows.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts an application with every auto-configuration on a class path that really lacks
 * some jars, as Spring Boot's own {@code @ClassPathExclusions} tests do: a separate class
 * loader over this module's test class path minus those jars, which loads Flows, Spring
 * and Boot afresh. Unlike {@link FlowsClasspathTests}' filtered class loader, this makes
 * the JVM itself fail on a class that names a missing type in a field or a method
 * signature (a {@code NoClassDefFoundError} at startup), which is how an application
 * without spring-boot-sql met {@code FlowsProperties}.
 * <p>
 * Two class paths, each costing a fresh Spring and Boot (seconds): without a database
 * (JDBC and JPA), and without any optional technology (the starter alone). The
 * technology-by-technology matrix is {@link FlowsClasspathTests}'.
 */
class FlowsClasspathExclusionTests {

	private static final String JDBC = "spring-boot-jdbc, spring-boot-sql, spring-boot-starter-jdbc, spring-jdbc,"
			+ " HikariCP, h2, postgresql";

	private static final String JPA = "spring-boot-jpa, spring-boot-hibernate, spring-boot-data-jpa,"
			+ " spring-boot-starter-data-jpa, spring-boot-persistence, spring-data-jpa, spring-orm, hibernate-core,"
			+ " hibernate-models, jakarta.persistence-api";

	private static final String REDIS = "spring-boot-data-redis, spring-boot-starter-data-redis, spring-data-redis,"
			+ " spring-data-keyvalue, lettuce-core, redis-authx-core";

	private static final String SECURITY = "spring-boot-security, spring-boot-security-test,"
			+ " spring-boot-starter-security, spring-boot-starter-security-test, spring-security-config,"
			+ " spring-security-core, spring-security-crypto, spring-security-test, spring-security-web";

	private static final String ACTUATOR = "spring-boot-actuator, spring-boot-actuator-autoconfigure,"
			+ " spring-boot-health, spring-boot-starter-actuator";

	private static final String MICROMETER = "micrometer-core, micrometer-jakarta9, HdrHistogram,"
			+ " spring-boot-micrometer-metrics, spring-boot-starter-micrometer-metrics";

	private static final String THYMELEAF = "thymeleaf, thymeleaf-spring6, spring-boot-thymeleaf,"
			+ " spring-boot-starter-thymeleaf, attoparser, unbescape";

	/**
	 * What the technologies above share, and an application with none of them lacks too.
	 */
	private static final String SHARED = "spring-tx, spring-boot-transaction, spring-data-commons,"
			+ " spring-boot-data-commons, spring-boot-micrometer-observation";

	private static final String[] PROPERTIES = { "management.endpoints.web.exposure.include=flows",
			"spring.data.redis.url=redis://127.0.0.1:1", "management.health.redis.enabled=false" };

	@Test
	void theClassPathOfTheseTestsHasEveryTechnology() {
		List<String> jars = testClassPath().stream().map(File::getName).toList();
		for (String artifact : artifacts(
				String.join(",", JDBC, JPA, REDIS, SECURITY, ACTUATOR, MICROMETER, THYMELEAF))) {
			assertThat(jars).as(artifact).anyMatch((jar) -> jarOf(artifact).matcher(jar).matches());
		}
	}

	/** An application keeping its tasks in Redis, with no database at all. */
	@Test
	void withoutADatabase() {
		Map<String, String> app = start(JDBC, JPA);
		assertThat(app.get("store")).isEqualTo("dev.flows.store.redis.RedisTaskStore");
		assertThat(app.get("javax.sql.DataSource")).isEqualTo("0");
		assertThat(app.get("jakarta.persistence.EntityManagerFactory")).isEqualTo("no class");
		assertThat(app).doesNotContainKeys("flowsTaskSchemaInitializer", "flowsTaskEntityCustomizer")
			.containsKeys("flowsEndpoint", "thymeleafViewResolver");
		assertThat(app.get("login")).contains("SecurityLoginConfiguration");
		assertThat(app.get("org.springframework.security.web.SecurityFilterChain")).isEqualTo("1");
		assertThat(app.get("io.micrometer.core.instrument.MeterRegistry")).isEqualTo("1");
	}

	/**
	 * The smallest application: the starter alone (Spring MVC, validation),
	 * memory store.
	 */
	@Test
	void withNoneOfThem() {
		Map<String, String> app = start(JDBC, JPA, REDIS, SECURITY, ACTUATOR, MICROMETER, THYMELEAF, SHARED);
		assertThat(app.get("store")).isEqualTo("dev.flows.store.memory.InMemoryTaskStore");
		assertThat(app).containsKeys("flowsEngine", "flowsHandlerMapping", "flowsCleanup")
			.doesNotContainKeys("flowsEndpoint", "flowsTaskSchemaInitializer", "flowsTaskEntityCustomizer",
					"thymeleafViewResolver");
		assertThat(app.get("login")).doesNotContain("SecurityLoginConfiguration");
		assertThat(app.get("javax.sql.DataSource")).isEqualTo("0");
	}

	/**
	 * Starts {@code probe.ProbeApplication} in a class loader over the test class path
	 * without the given artifacts, and fails with the application's own stack trace if it
	 * did not start.
	 */
	private static Map<String, String> start(String... excludedArtifacts) {
		List<String> excluded = artifacts(String.join(",", excludedArtifacts));
		List<File> kept = new ArrayList<>();
		for (File entry : testClassPath()) {
			if (excluded.stream().noneMatch((artifact) -> jarOf(artifact).matcher(entry.getName()).matches())) {
				kept.add(entry);
			}
		}
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader("without " + excluded, urls(kept),
				ClassLoader.getPlatformClassLoader())) {
			thread.setContextClassLoader(loader);
			@SuppressWarnings("unchecked")
			Map<String, String> report = (Map<String, String>) loader
				.loadClass("dev.flows.autoconfigure.probe.ProbeApplication")
				.getMethod("start", String[].class)
				.invoke(null, (Object) PROPERTIES);
			assertThat(report.get("failure")).as("startup failure without " + excluded).isNull();
			assertThat(report).containsKeys("store", "flowsEngine", "flowsHandlerMapping", "flowsCleanup");
			return report;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static List<String> artifacts(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

	/**
	 * A jar of that artifact, whatever its version: {@code h2-2.4.240.jar}, not
	 * {@code h2o-1.jar}.
	 */
	private static Pattern jarOf(String artifact) {
		return Pattern.compile(Pattern.quote(artifact) + "-\\d[^/]*\\.jar");
	}

	/**
	 * This module's test class path: Surefire's, which it also reports in
	 * {@code java.class.path} (behind a manifest-only jar when it uses one).
	 */
	private static List<File> testClassPath() {
		List<File> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(File::new)
			.toList();
		if (entries.size() == 1 && entries.get(0).getName().startsWith("surefirebooter")) {
			try (JarFile booter = new JarFile(entries.get(0))) {
				Manifest manifest = booter.getManifest();
				return Stream.of(manifest.getMainAttributes().getValue("Class-Path").split(" "))
					.map((url) -> new File(java.net.URI.create(url)))
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return entries;
	}

	private static URL[] urls(List<File> files) {
		return files.stream().map((file) -> {
			try {
				return file.toURI().toURL();
			}
			catch (MalformedURLException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toArray(URL[]::new);
	}

}
