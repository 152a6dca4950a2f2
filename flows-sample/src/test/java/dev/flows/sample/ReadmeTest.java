package dev.flows.sample;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import dev.flows.definition.ActionDefinition;
import dev.flows.definition.FlowBuilder;
import dev.flows.definition.FlowDefinition;
import dev.flows.definition.NodeDefinition;
import dev.flows.definition.ScaffoldDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md is the reference, so it is tested: every Java snippet compiles as shown,
 * imports included; the quick start is, class for class and template for template, the
 * consumer project {@code flows-spring-boot-starter/src/it/starter-only} that the build
 * runs with only the starter and Thymeleaf, with the quick start's parent and
 * dependencies, and with the quick-start web test as its test; and the builder example
 * builds the same definition as the annotated quick start.
 * <p>
 * Every {@code ```java} block must follow a marker {@code <!-- snippet: NAME ... -->}.
 * Snippets whose names start with the same word compile together (the builder example
 * uses the quick start's actions), each group in a package of its own.
 */
class ReadmeTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path CONSUMER_PROJECT = ROOT.resolve("flows-spring-boot-starter/src/it/starter-only");

	private static final Path CONSUMER = CONSUMER_PROJECT.resolve("src/main");

	private static final Path CONSUMER_TESTS = CONSUMER_PROJECT.resolve("src/test/java/com/example/shop");

	private static final Path SIDE_BY_SIDE = ROOT
		.resolve("flows-spring-boot-autoconfigure/src/test/java/dev/flows/web/swfapp");

	private static final Pattern BLOCK = Pattern.compile("(?:<!-- snippet: ([^\\n]*?) -->\\n)?```(\\w+)\\n(.*?)\\n```",
			Pattern.DOTALL);

	private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

	private static final Pattern TEMPLATE = Pattern.compile("<!-- templates/([\\w/-]+\\.html) -->\\n");

	private static List<Snippet> snippets;

	@TempDir
	static Path work;

	private static Path compiled;

	@BeforeAll
	static void readReadme() throws IOException {
		compiled = Files.createDirectories(work.resolve("classes"));
		String readme = Files.readString(ROOT.resolve("README.md"));
		snippets = new ArrayList<>();
		Matcher block = BLOCK.matcher(readme);
		while (block.find()) {
			snippets.add(new Snippet(block.group(1), block.group(2), block.group(3)));
		}
	}

	@Test
	void everyJavaSnippetIsMarkedSoThatItIsCompiled() {
		List<Snippet> java = javaSnippets().toList();

		assertThat(java).hasSizeGreaterThanOrEqualTo(4);
		assertThat(java).allSatisfy(
				(snippet) -> assertThat(snippet.name())
					.as("a ```java block of README.md without a <!-- snippet: NAME --> marker before it:%n%s",
							snippet.text().lines().limit(3).collect(Collectors.joining("\n")))
					.isNotNull());
	}

	@Test
	void everyJavaSnippetCompilesAsShown() throws IOException {
		Map<String, List<Snippet>> groups = javaSnippets().filter((snippet) -> snippet.name() != null)
			.collect(Collectors.groupingBy(Snippet::group, LinkedHashMap::new, Collectors.toList()));

		for (Map.Entry<String, List<Snippet>> group : groups.entrySet()) {
			List<String> errors = compile(group.getKey(), group.getValue());
			assertThat(errors).as("README snippets '%s' do not compile", group.getKey()).isEmpty();
		}
	}

	@Test
	void anOrdinaryActionImportsFromTwoFlowsPackages() {
		Snippet quickStart = snippet("quick-start");
		Set<String> flowsPackages = quickStart.imports()
			.stream()
			.filter((line) -> line.startsWith("import dev.flows."))
			.map((line) -> line.substring("import ".length(), line.lastIndexOf('.')))
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(flowsPackages).containsExactly("dev.flows.definition", "dev.flows.state");
	}

	@Test
	void theQuickStartIsTheConsumerProjectThatRunsWithOnlyTheStarter() throws IOException {
		assertSameTypes(snippet("quick-start"), CONSUMER.resolve("java/com/example/shop"), "ShopApplication");
	}

	@Test
	void theQuickStartWebTestIsTheConsumerProjectsTest() throws IOException {
		// ShopApplicationTests: the project's own checks, over HTTP, of what README does
		// not show
		assertSameTypes(snippet("quick-start web test"), CONSUMER_TESTS, "ShopApplicationTests");
	}

	@Test
	void theQuickStartDependenciesAreTheConsumerProjectsDependencies() throws Exception {
		Element project = parse(Files.readString(CONSUMER_PROJECT.resolve("pom.xml")));
		List<Element> dependencies = children(child(project, "dependencies"), "dependency");
		List<String> application = dependencies.stream()
			.filter((dependency) -> !"test".equals(text(dependency, "scope")))
			.map(ReadmeTest::coordinates)
			.toList();
		List<Element> shown = children(parse(snippet("quick-start dependencies").text()), "dependency");

		assertThat(shown.stream().map(ReadmeTest::coordinates).toList())
			.containsExactlyInAnyOrderElementsOf(application);
		assertThat(shown).filteredOn((dependency) -> "dev.flows".equals(text(dependency, "groupId")))
			.extracting((dependency) -> text(dependency, "version"))
			.containsOnly(text(rootPom(), "version"));
	}

	@Test
	void theQuickStartParentIsTheConsumerProjectsAtTheSpringBootVersionFlowsIsBuiltWith() throws Exception {
		Element parent = child(parse(snippet("quick-start parent").text()), "parent");
		Element consumerParent = child(parse(Files.readString(CONSUMER_PROJECT.resolve("pom.xml"))), "parent");

		assertThat(coordinates(parent)).isEqualTo(coordinates(consumerParent));
		assertThat(text(parent, "version")).isEqualTo(text(child(rootPom(), "parent"), "version"));
	}

	@Test
	void theConsumerProjectTestsWithWhatTestingYourOwnFlowsNames() throws Exception {
		List<String> tests = children(
				child(parse(Files.readString(CONSUMER_PROJECT.resolve("pom.xml"))), "dependencies"), "dependency")
			.stream()
			.filter((dependency) -> "test".equals(text(dependency, "scope")))
			.map(ReadmeTest::coordinates)
			// what every project generated by start.spring.io has
			.filter((coordinates) -> !coordinates.equals("org.springframework.boot:spring-boot-starter-test"))
			.toList();
		List<String> shown = children(parse(snippet("testing dependencies").text()), "dependency").stream()
			.map(ReadmeTest::coordinates)
			.toList();

		assertThat(tests).contains("dev.flows:flows-test");
		assertThat(shown).containsAll(tests);
	}

	@Test
	void theQuickStartTemplatesAreTheConsumerProjectsTemplates() throws IOException {
		String templates = snippet("quick-start templates").text();
		Matcher marker = TEMPLATE.matcher(templates);
		List<int[]> starts = new ArrayList<>();
		List<String> names = new ArrayList<>();
		while (marker.find()) {
			starts.add(new int[] { marker.start(), marker.end() });
			names.add(marker.group(1));
		}
		assertThat(names).contains("purchase/confirm-item.html", "purchase/thanks.html");
		for (int i = 0; i < names.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1)[0] : templates.length();
			String shown = templates.substring(starts.get(i)[1], end);
			String file = Files.readString(CONSUMER.resolve("resources/templates").resolve(names.get(i)));
			assertThat(normalized(file)).as(names.get(i)).contains(normalized(shown));
		}
	}

	@Test
	void theBuilderExampleBuildsTheAnnotatedQuickStart() throws Exception {
		List<Snippet> group = javaSnippets().filter((snippet) -> "quick-start".equals(snippet.group())).toList();
		assertThat(group).extracting(Snippet::name).contains("quick-start", "quick-start builder");
		assertThat(compile("quick-start", group)).isEmpty();

		try (URLClassLoader classes = new URLClassLoader(new URL[] { compiled.toUri().toURL() },
				getClass().getClassLoader())) {
			FlowDefinition annotated = FlowBuilder.fromAnnotatedClass(classes.loadClass("readme.quick_start.Purchase"))
				.build();
			Class<?> configuration = classes.loadClass("readme.quick_start.PurchaseFlowConfiguration");
			Method bean = configuration.getDeclaredMethod("purchaseFlow");
			bean.setAccessible(true);
			FlowDefinition built = (FlowDefinition) bean.invoke(configuration.getDeclaredConstructor().newInstance());

			assertThat(describe(built)).isEqualTo(describe(annotated));
			assertThat(describe(annotated)).contains("action enter-address 'Where should we send it?'",
					"scaffold delivery 'Delivery' ExplicitTransition");
		}
	}

	@Test
	void theEngineLevelTestOfTheReadmePasses() throws Exception {
		List<Snippet> group = javaSnippets().filter((snippet) -> "quick-start".equals(snippet.group())).toList();
		assertThat(group).extracting(Snippet::name).contains("quick-start engine test");
		assertThat(compile("quick-start", group)).isEmpty();

		try (URLClassLoader classes = new URLClassLoader(new URL[] { compiled.toUri().toURL() },
				getClass().getClassLoader())) {
			Class<?> test = classes.loadClass("readme.quick_start.PurchaseNavigationTest");
			List<Method> tests = Stream.of(test.getDeclaredMethods())
				.filter((method) -> method.isAnnotationPresent(Test.class))
				.toList();
			assertThat(tests).isNotEmpty();
			for (Method method : tests) {
				Constructor<?> constructor = test.getDeclaredConstructor();
				constructor.setAccessible(true);
				method.setAccessible(true);
				try {
					method.invoke(constructor.newInstance());
				}
				catch (InvocationTargetException ex) {
					throw new AssertionError("README's " + test.getSimpleName() + "." + method.getName() + " fails",
							ex.getCause());
				}
			}
		}
	}

	/**
	 * The snippet declares the same types as the files of {@code directory}, but
	 * {@code others}, with the same code and imports that the snippet has.
	 */
	private static void assertSameTypes(Snippet snippet, Path directory, String... others) throws IOException {
		Map<String, String> types = snippet.types();
		try (Stream<Path> files = Files.list(directory)) {
			Set<String> consumerTypes = files.map((file) -> file.getFileName().toString().replace(".java", ""))
				.filter((name) -> !List.of(others).contains(name))
				.collect(Collectors.toSet());
			assertThat(consumerTypes).as("the types of %s", directory)
				.containsExactlyInAnyOrderElementsOf(types.keySet());
		}
		for (String type : types.keySet()) {
			assertSameType(snippet, type, directory.resolve(type + ".java"));
		}
	}

	/**
	 * The root element of a POM, or of README's XML: several {@code <dependency>}
	 * elements are wrapped in one.
	 */
	private static Element parse(String xml) throws ParserConfigurationException, SAXException, IOException {
		String document = xml.strip().startsWith("<?xml") ? xml : "<wrapper>" + xml + "</wrapper>";
		Document parsed = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(document)));
		return parsed.getDocumentElement();
	}

	private static Element rootPom() throws Exception {
		return parse(Files.readString(ROOT.resolve("pom.xml")));
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	private static Element child(Element parent, String name) {
		List<Element> children = children(parent, name);
		assertThat(children).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
		return children.get(0);
	}

	/** The text of the child element {@code name}, or {@code null} without one. */
	private static String text(Element parent, String name) {
		List<Element> children = children(parent, name);
		return children.isEmpty() ? null : children.get(0).getTextContent().strip();
	}

	private static String coordinates(Element dependency) {
		return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
	}

	@Test
	void theSpringWebFlowExampleIsAValidFlow() throws Exception {
		List<Snippet> group = javaSnippets().filter((snippet) -> "spring-web-flow-after".equals(snippet.group()))
			.toList();
		assertThat(compile("spring-web-flow-after", group)).isEmpty();

		try (URLClassLoader classes = new URLClassLoader(new URL[] { compiled.toUri().toURL() },
				getClass().getClassLoader())) {
			// validated as at startup: every action has its @OnGet and @OnPost, every
			// target and precondition is usable
			FlowDefinition order = FlowBuilder
				.fromAnnotatedClass(classes.loadClass("readme.spring_web_flow_after.OrderFlow"))
				.build();

			assertThat(describe(order)).contains("flow order-flow /order",
					"action enter-address 'Where should we send it?' readme.spring_web_flow_after.EnterAddress",
					"action confirm 'Confirm your order'");
		}
	}

	@Test
	void theSpringWebFlowConfigurationIsTheOneTheSideBySideTestRuns() throws IOException {
		Snippet configuration = snippet("spring-web-flow-config");
		assertThat(configuration.types()).containsOnlyKeys("WebFlowConfig");
		assertSameType(configuration, "WebFlowConfig", SIDE_BY_SIDE.resolve("WebFlowConfig.java"));
	}

	/**
	 * The snippet declares the type of the file, with the same code, and the file imports
	 * nothing the snippet does not.
	 */
	private static void assertSameType(Snippet snippet, String type, Path file) throws IOException {
		String source = Files.readString(file);
		assertThat(normalized(declaration(source))).as(type).isEqualTo(normalized(snippet.types().get(type)));
		assertThat(imports(source)).as("imports of %s", type).isSubsetOf(snippet.imports());
	}

	/**
	 * The definition as text: every setting a user can give, by annotation or builder.
	 */
	private static String describe(FlowDefinition flow) {
		StringBuilder text = new StringBuilder();
		text.append("flow ")
			.append(flow.id())
			.append(' ')
			.append(flow.path())
			.append(" title=")
			.append(flow.title())
			.append(" cancel=")
			.append(flow.cancelUrl())
			.append(" complete=")
			.append(flow.onComplete())
			.append('\n');
		describe(flow.root(), "", text);
		return text.toString();
	}

	private static void describe(NodeDefinition node, String indent, StringBuilder text) {
		text.append(indent);
		if (node instanceof ScaffoldDefinition scaffold) {
			text.append("scaffold ")
				.append(scaffold.name())
				.append(" '")
				.append(scaffold.title())
				.append("' ")
				.append(scaffold.transition().getClass().getSimpleName())
				.append(' ')
				.append(preconditions(node))
				.append('\n');
			scaffold.children().forEach((child) -> describe(child, indent + "  ", text));
		}
		else if (node instanceof ActionDefinition action) {
			text.append("action ")
				.append(action.name())
				.append(" '")
				.append(action.title())
				.append("' ")
				.append(action.type().getName())
				.append(" view=")
				.append(action.view())
				.append(" submit=")
				.append(action.submitLabel())
				.append(" back=")
				.append(action.showBack())
				.append(" cancel=")
				.append(action.showCancel())
				.append(" skippable=")
				.append(action.skippable())
				.append(" owns=")
				.append(action.ownedStateKeys())
				.append(" form=")
				.append(action.form())
				.append(" targets=")
				.append(action.targets().stream().map(Class::getName).toList())
				.append(' ')
				.append(preconditions(node))
				.append('\n');
		}
	}

	private static String preconditions(NodeDefinition node) {
		return node.preconditions().stream().map(Object::toString).toList().toString();
	}

	private static List<String> compile(String group, List<Snippet> snippets) throws IOException {
		String packageName = "readme." + group.replace('-', '_');
		Path sources = Files.createTempDirectory(work, "sources-" + group);
		List<File> files = new ArrayList<>();
		for (Snippet snippet : snippets) {
			for (Map.Entry<String, String> type : snippet.types().entrySet()) {
				Path file = sources.resolve(type.getKey() + ".java");
				assertThat(file).as("two README snippets of '%s' declare %s", group, type.getKey()).doesNotExist();
				String source = "package " + packageName + ";\n\n" + String.join("\n", snippet.imports()) + "\n\n"
						+ type.getValue() + "\n";
				Files.writeString(file, source);
				files.add(file.toFile());
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			List<String> options = List.of("-classpath", testClassPath(), "-d", compiled.toString(), "--release", "17",
					"-proc:none", "-parameters");
			compiler
				.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromFiles(files))
				.call();
		}
		return diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map((diagnostic) -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
					+ diagnostic.getMessage(Locale.ROOT))
			.toList();
	}

	/**
	 * Surefire runs tests from a manifest-only jar, and names the real class path here.
	 */
	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static Stream<Snippet> javaSnippets() {
		return snippets.stream().filter((snippet) -> snippet.language().equals("java"));
	}

	private static Snippet snippet(String name) {
		return snippets.stream()
			.filter((snippet) -> name.equals(snippet.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("README.md has no snippet marked '" + name + "'"));
	}

	private static String declaration(String source) {
		return source.lines()
			.filter((line) -> !line.startsWith("package ") && !line.startsWith("import "))
			.collect(Collectors.joining("\n"));
	}

	private static Set<String> imports(String source) {
		return source.lines().filter((line) -> line.startsWith("import ")).collect(Collectors.toSet());
	}

	/**
	 * Without comments and with single spaces, wherever a chain of calls breaks its
	 * lines: the consumer project is Spring-formatted. A Javadoc comment (an opening line
	 * of its own) goes too.
	 */
	private static String normalized(String code) {
		return code.replaceAll("(?s)/\\*\\*[ \\t]*\\n.*?\\*/", "")
			.replaceAll("(?m)//.*$", "")
			.replaceAll("\\s+", " ")
			.replace("( ", "(")
			.replace(" .", ".")
			.trim();
	}

	/**
	 * One fenced block of README.md.
	 *
	 * @param marker the text of the {@code <!-- snippet: ... -->} marker before it, or
	 * {@code null}
	 * @param language the fence's language
	 * @param text the block's content
	 */
	private record Snippet(String marker, String language, String text) {

		/** The snippet's name: the marker up to its first parenthesis. */
		String name() {
			return (this.marker != null) ? this.marker.replaceAll("\\s*\\(.*$", "").trim() : null;
		}

		/** Snippets of one group compile together: the name's first word. */
		String group() {
			return name().split(" ")[0];
		}

		Set<String> imports() {
			return this.text.lines()
				.filter((line) -> line.startsWith("import "))
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}

		/**
		 * Each top-level declaration (with its annotations and comments) by type name.
		 */
		Map<String, String> types() {
			Map<String, String> types = new LinkedHashMap<>();
			StringBuilder current = new StringBuilder();
			for (String line : this.text.lines().filter((line) -> !line.startsWith("import ")).toList()) {
				if (current.isEmpty() && line.isBlank()) {
					continue;
				}
				current.append(line).append('\n');
				if (line.equals("}")) {
					String declaration = current.toString();
					Matcher type = TYPE.matcher(declaration.replaceAll("(?m)//.*$", ""));
					assertThat(type.find()).as("a declaration without a type name:%n%s", declaration).isTrue();
					types.put(type.group(1), declaration.strip());
					current.setLength(0);
				}
			}
			assertThat(current.toString()).as("README snippet '%s' ends inside a declaration", name()).isBlank();
			return types;
		}

	}

}
