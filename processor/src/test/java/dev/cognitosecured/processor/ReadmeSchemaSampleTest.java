package dev.cognitosecured.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's section "Documents checked against your schema", compiled: its interface against its
 * schema (put where the class path has it, as Maven's class output would) gives exactly the error the
 * README shows, and compiles without warnings once the field is spelled right.
 */
class ReadmeSchemaSampleTest {

    private static final String SECTION = "### Documents checked against your schema";
    private static final String TODO = "public record Todo(String id, String title, boolean done) {}";

    private static Map<String, String> samples;

    @TempDir
    static Path resources;

    @BeforeAll
    static void readSection() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).isAtLeast(0);
        int end = readme.indexOf("\n## ", start);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        samples = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            assertThat(samples.put(block.group(1), block.group(2))).isNull();
        }
        assertThat(samples.keySet()).containsExactly("java", "graphql", "text", "xml").inOrder();
        Path schema = resources.resolve("graphql/schema.graphqls");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, samples.get("graphql"));
    }

    @Test
    void theSampleFailsWithTheErrorTheReadmeShows() {
        Compilation compilation = compile(samples.get("java"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(samples.get("text").strip())
                .inFile(JavaFileObjects.forSourceString("TodoApi", samples.get("java")))
                .onLineContaining("titel");
    }

    @Test
    void theSampleWithTheFieldSpelledRightCompilesWithoutWarnings() {
        Compilation compilation = compile(samples.get("java").replace("titel", "title"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theMavenAndGradleSamplesPassTheProcessorsOption() throws IOException {
        assertThat(samples.get("xml")).contains("<arg>-A" + SchemaSource.OPTION + "=${project.basedir}/");
        assertThat(Files.readString(Path.of("../README.md")))
                .contains("options.compilerArgs.add(\"-A" + SchemaSource.OPTION + "=${projectDir}/");
    }

    private static Compilation compile(String api) {
        List<File> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        classPath.add(resources.toFile());
        return javac()
                .withProcessors(new CognitoSecuredProcessor())
                .withOptions(Compilations.LINT)
                .withClasspath(classPath)
                .compile(JavaFileObjects.forSourceString("TodoApi", api),
                        JavaFileObjects.forSourceString("Todo", TODO));
    }
}
