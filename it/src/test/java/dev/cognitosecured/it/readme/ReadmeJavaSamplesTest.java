package dev.cognitosecured.it.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample of README.md, outside the "Helidon MP" and "Jakarta EE" sections (their modules' own
 * {@code ReadmeSamplesTest} check those) and "Documents checked against your schema" (a document that must fail
 * to compile, checked by the processor's {@code ReadmeSchemaSampleTest}), is code the build compiles: each piece of a sample is a contiguous run
 * of lines of one Java source of a module of the default build (compared stripped, blank lines ignored).
 *
 * <p>The rule for a sample that shows several top-level types (an interface and its record): the sample is cut
 * after every line that is exactly {@code }} at the start of the line, the end of a top-level declaration, and each
 * piece is matched on its own, so the imports before the first declaration belong to the first one.
 */
class ReadmeJavaSamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("annotations", "processor", "runtime", "testing", "it", "benchmarks");
    private static final List<String> SECTIONS_CHECKED_ELSEWHERE =
            List.of("## Helidon MP", "## Jakarta EE", "### Documents checked against your schema");
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyJavaSampleOfTheReadmeIsARunOfLinesOfACompiledSource() throws IOException {
        List<String> sources = compiledSources();
        List<String> samples = readmeJavaSamples(Files.readString(ROOT.resolve("README.md")));
        assertTrue(samples.size() >= 5, "the README's Java samples were not found: " + samples.size());

        List<String> missing = new ArrayList<>();
        for (String sample : samples) {
            for (String piece : topLevelPieces(sample)) {
                String wanted = normalized(piece);
                if (sources.stream().noneMatch(source -> source.contains(wanted))) {
                    missing.add(piece);
                }
            }
        }
        assertEquals(List.of(), missing, "README Java samples that no compiled source holds as a run of lines");
    }

    /** The bodies of the README's ```java blocks, outside the sections that other tests check. */
    static List<String> readmeJavaSamples(String readme) {
        List<String> samples = new ArrayList<>();
        String section = "";
        String subsection = "";
        int position = 0;
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            for (String line : readme.substring(position, block.start()).split("\n")) {
                if (line.startsWith("## ")) {
                    section = line.strip();
                    subsection = "";
                } else if (line.startsWith("### ")) {
                    subsection = line.strip();
                }
            }
            position = block.end();
            if (!SECTIONS_CHECKED_ELSEWHERE.contains(section) && !SECTIONS_CHECKED_ELSEWHERE.contains(subsection)) {
                samples.add(block.group(1));
            }
        }
        return samples;
    }

    /** The sample cut after each line that is exactly "}": one piece per top-level declaration. */
    static List<String> topLevelPieces(String sample) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String line : sample.split("\n", -1)) {
            piece.append(line).append('\n');
            if (line.equals("}")) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
        }
        if (!piece.toString().isBlank()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static List<String> compiledSources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String module : MODULES) {
            for (String root : List.of("src/main/java", "src/test/java")) {
                Path dir = ROOT.resolve(module).resolve(root);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(file -> sources.add(normalized(read(file))));
                }
            }
        }
        assertTrue(sources.size() > 100, "the modules' sources were not found from " + ROOT.toAbsolutePath());
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines, stripped, without blank ones, each ending with a new line (and one before the first). */
    static String normalized(String text) {
        StringBuilder out = new StringBuilder("\n");
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
