package dev.cognitosecured.it.gradle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cognitosecured.processor.CognitoSecuredProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps {@code examples/gradle} honest, since Gradle cannot run on the machines that build this project: the
 * coordinates and versions its {@code build.gradle.kts} names are those this build publishes and uses, each in
 * the configuration users need, and its sources compile with {@code javac} and the processor and its test passes,
 * from directories laid out as Gradle lays them out (classes, resources and generated sources apart).
 */
class GradleExampleTest {

    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLE = ROOT.resolve("examples/gradle");
    private static final String GROUP = "dev.cognitosecured";
    /** {@code configuration("group:artifact[:version]")} or {@code configuration(platform("..."))}. */
    private static final Pattern DEPENDENCY =
            Pattern.compile("^\\s*(\\w+)\\((?:platform\\()?\"([^\"]+)\"\\)?\\)", Pattern.MULTILINE);
    private static final Pattern FOR_EACH_JAKARTA_API =
            Pattern.compile("^\\s*jakartaApis\\.forEach \\{ (\\w+)\\(it\\) }", Pattern.MULTILINE);
    private static final Pattern JAKARTA_APIS = Pattern.compile("val jakartaApis = listOf\\((.*?)\\)", Pattern.DOTALL);
    private static final Pattern VERSION_VAL = Pattern.compile("val cognitoSecuredVersion = \"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void theBuildNamesThePublishedCoordinatesInTheRightConfigurations() throws Exception {
        String build = Files.readString(EXAMPLE.resolve("build.gradle.kts"));
        Map<String, Set<String>> byConfiguration = dependencies(build);
        Document parent = pom(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");

        // The project's coordinates: group and version of the parent pom, artifacts of its published modules.
        Matcher versionVal = VERSION_VAL.matcher(build);
        assertTrue(versionVal.find(), "build.gradle.kts has no val cognitoSecuredVersion");
        assertEquals(version, versionVal.group(1));
        assertEquals(GROUP, child(parent.getDocumentElement(), "groupId"));
        Set<String> published = publishedArtifacts(parent);
        Map<String, String> managed = managedVersions(parent);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> configuration : byConfiguration.entrySet()) {
            for (String coordinate : configuration.getValue()) {
                String[] parts = coordinate.split(":");
                String groupAndArtifact = parts[0] + ":" + parts[1];
                if (parts[0].equals(GROUP)) {
                    if (!published.contains(parts[1])) {
                        problems.add(coordinate + ": no published module has that artifactId " + published);
                    }
                    if (parts.length != 3 || !parts[2].equals(version)) {
                        problems.add(coordinate + ": not the project's version " + version);
                    }
                } else if (parts.length == 3 && !parts[2].equals(managed.get(groupAndArtifact))) {
                    problems.add(coordinate + ": the project's build uses " + managed.get(groupAndArtifact));
                } else if (parts.length == 2 && !parts[0].startsWith("org.junit")) {
                    problems.add(coordinate + ": no version, and no platform() of the build manages it");
                }
            }
        }
        assertEquals(List.of(), problems);

        assertEquals(Set.of(GROUP + ":cognito-secured-processor:" + version), byConfiguration.get("annotationProcessor"));
        assertEquals(Set.of(GROUP + ":cognito-secured-runtime:" + version), byConfiguration.get("implementation"));
        assertTrue(byConfiguration.get("testImplementation").contains(GROUP + ":cognito-secured-testing:" + version));
        Set<String> jakartaCompileOnly = byConfiguration.get("compileOnly").stream()
                .filter(coordinate -> coordinate.startsWith("jakarta.")).collect(Collectors.toSet());
        assertEquals(Set.of("jakarta.enterprise:jakarta.enterprise.cdi-api", "jakarta.inject:jakarta.inject-api",
                        "jakarta.ws.rs:jakarta.ws.rs-api"),
                jakartaCompileOnly.stream().map(GradleExampleTest::withoutVersion).collect(Collectors.toSet()),
                "the APIs the generated clients compile against, which the container supplies");
        assertTrue(byConfiguration.entrySet().stream()
                        .filter(entry -> !entry.getKey().startsWith("test") && !entry.getKey().equals("compileOnly"))
                        .flatMap(entry -> entry.getValue().stream())
                        .noneMatch(coordinate -> coordinate.startsWith("jakarta.")),
                "Jakarta APIs are the container's: compileOnly, never packaged");
        assertTrue(build.contains("useJUnitPlatform()"));
        assertTrue(build.contains("compileOnly(files(\"src/main/resources\"))"),
                "the processor finds the schema on the compile class path (see compile below)");
    }

    @Test
    void theSourcesCompileWithTheProcessorAndTheTestPassesInGradlesLayout(@TempDir Path build) throws Exception {
        List<Path> jars = dependencyJars();
        Path mainResources = EXAMPLE.resolve("src/main/resources");
        Path mainClasses = build.resolve("classes/java/main");
        Path testClasses = build.resolve("classes/java/test");

        compile(EXAMPLE.resolve("src/main/java"), concat(List.of(mainResources), jars), mainClasses,
                build.resolve("generated/sources/annotationProcessor/java/main"));
        assertTrue(Files.isRegularFile(build.resolve(
                "generated/sources/annotationProcessor/java/main/com/example/todo/TodoApi_CognitoClient.java")));
        assertEquals("com.example.todo.TodoApi_CognitoClient\n", Files.readString(mainClasses.resolve(
                "META-INF/cognito-secured/clients/com.example.todo.TodoApi_CognitoClient")));
        compile(EXAMPLE.resolve("src/test/java"), concat(List.of(mainClasses, mainResources), jars), testClasses,
                build.resolve("generated/sources/annotationProcessor/java/test"));

        TestExecutionSummary summary = runTests(List.of(mainClasses, mainResources, testClasses),
                "com.example.todo.TodoServiceTest");
        assertEquals(1, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(0, summary.getTotalFailureCount(), () -> failures(summary));
    }

    /** The dependencies of build.gradle.kts by configuration: group:artifact[:version], the version resolved. */
    private static Map<String, Set<String>> dependencies(String build) {
        String version = VERSION_VAL.matcher(build).results().map(m -> m.group(1)).findFirst().orElse("?");
        String block = build.substring(build.indexOf("dependencies {"));
        block = block.substring(0, block.indexOf("\n}\n"));
        Map<String, Set<String>> byConfiguration = new LinkedHashMap<>();
        Matcher dependency = DEPENDENCY.matcher(block);
        while (dependency.find()) {
            byConfiguration.computeIfAbsent(dependency.group(1), key -> new LinkedHashSet<>())
                    .add(dependency.group(2).replace("$cognitoSecuredVersion", version));
        }
        Matcher apis = JAKARTA_APIS.matcher(build);
        assertTrue(apis.find(), "build.gradle.kts has no val jakartaApis");
        List<String> jakartaApis = QUOTED.matcher(apis.group(1)).results().map(m -> m.group(1)).toList();
        Matcher forEach = FOR_EACH_JAKARTA_API.matcher(block);
        while (forEach.find()) {
            byConfiguration.computeIfAbsent(forEach.group(1), key -> new LinkedHashSet<>()).addAll(jakartaApis);
        }
        return byConfiguration;
    }

    private static String withoutVersion(String coordinate) {
        String[] parts = coordinate.split(":");
        return parts[0] + ":" + parts[1];
    }

    /** The artifactIds of the modules the parent pom builds by default, less those not published (README, "Modules"). */
    private static Set<String> publishedArtifacts(Document parent) throws Exception {
        Set<String> artifacts = new LinkedHashSet<>();
        Element modules = (Element) parent.getDocumentElement().getElementsByTagName("modules").item(0);
        NodeList names = modules.getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            Document module = pom(ROOT.resolve(names.item(i).getTextContent()).resolve("pom.xml"));
            if (!Set.of("it", "benchmarks").contains(names.item(i).getTextContent())) {
                artifacts.add(child(module.getDocumentElement(), "artifactId"));
            }
        }
        return artifacts;
    }

    /** group:artifact to version, as the parent pom's dependencyManagement manages them, properties resolved. */
    private static Map<String, String> managedVersions(Document parent) {
        Map<String, String> properties = new HashMap<>();
        Element props = (Element) parent.getDocumentElement().getElementsByTagName("properties").item(0);
        for (Node node = props.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        Map<String, String> managed = new HashMap<>();
        Element management = (Element) parent.getDocumentElement().getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = management.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String declared = child(dependency, "version");
            String version = declared.startsWith("${")
                    ? properties.get(declared.substring(2, declared.length() - 1)) : declared;
            managed.put(child(dependency, "groupId") + ":" + child(dependency, "artifactId"), version);
        }
        return managed;
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The text of the element's direct child of that name, or "" if it has none. */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return "";
    }

    /**
     * The jars of this module's test class path: the runtime, the test kit, the Jakarta APIs and their
     * implementations. Not this module's own classes and resources, which hold other interfaces and schemas.
     */
    private static List<Path> dependencyJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(entry -> !entry.toAbsolutePath().normalize()
                        .startsWith(Path.of("target").toAbsolutePath().normalize()))
                .toList();
    }

    /** Compiles the sources as Gradle's JavaCompile does: no source path; the processor writes into generated. */
    private static void compile(Path sources, List<Path> classPath, Path classes, Path generated) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(classes);
        Files.createDirectories(generated);
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Xlint:-processing",
                    "-sourcepath", "", "-classpath", classPath.stream().map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator)),
                    "-d", classes.toString(), "-s", generated.toString());
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(new CognitoSecuredProcessor()));
            boolean compiled = task.call();
            List<String> reported = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.NOTE)
                    .map(diagnostic -> diagnostic.getKind() + " " + diagnostic.getMessage(Locale.ROOT))
                    .toList();
            assertEquals(List.of(), reported, "compiling " + sources);
            assertTrue(compiled);
        }
    }

    /** Runs the test class from these directories, with the test's class loader as the context class loader. */
    private static TestExecutionSummary runTests(List<Path> directories, String testClass) throws IOException {
        URL[] urls = directories.stream().map(GradleExampleTest::url).toArray(URL[]::new);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("gradle-example", urls, before)) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(testClass)))
                    // This module's secret scan already runs around this test.
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(testClass + " was not compiled", e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static URL url(Path directory) {
        try {
            return directory.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
                .collect(Collectors.joining("\n"));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
