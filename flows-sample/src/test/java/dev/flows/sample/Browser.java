package dev.flows.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium with a profile of its own (its own cookie jar), driven through
 * ChromeDriver. Both are taken from the system:
 * {@code apt-get install -y chromium chromium-driver}. Without them the tests fail and
 * say so; they are never skipped.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("flows.test.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("flows.test.chromedriver", "/usr/bin/chromedriver"));

	private final Path profile;

	private final ChromeDriver driver;

	private Browser(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	static Browser start() {
		return start(true);
	}

	/**
	 * @param javaScript whether pages may run scripts; without, the shop is a plain
	 * sequence of pages and forms (no htmx)
	 */
	static Browser start(boolean javaScript) {
		requireExecutable(CHROMIUM, "Chromium");
		requireExecutable(CHROMEDRIVER, "ChromeDriver");
		Path profile;
		try {
			profile = Files.createTempDirectory("flows-sample-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1000", "--user-data-dir=" + profile);
		if (!javaScript) {
			// The page's own scripts are blocked; WebDriver's scripts (the tests' waits)
			// still
			// run.
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Browser(profile, new ChromeDriver(service, options));
	}

	private static void requireExecutable(Path path, String what) {
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException(what + " is needed to run the sample's browser tests and was not found at "
					+ path + ". Install it with: apt-get install -y chromium chromium-driver (scripts/test.sh does this"
					+ " on CI), or point -Dflows.test.chromium / -Dflows.test.chromedriver at your binaries.");
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a temp directory left behind is not worth failing a test for
			}
		}
	}

}
