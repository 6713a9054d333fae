package dev.cognitosecured.examples.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A section of the project's README about one example, checked against the example's module (the working
 * directory of its tests): each Java sample is a run of lines of one of its sources (compared without indentation
 * and blank lines), each property a line of its {@code microprofile-config.properties}, each dependency one of its
 * pom's.
 */
public final class ReadmeSection {

    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private ReadmeSection() {
    }

    /**
     * Fails unless every sample of the README's section {@code heading} is this module's own code.
     *
     * @param heading the section's heading line, e.g. {@code "## Jakarta EE"}
     * @throws IOException if the README or a source cannot be read
     */
    public static void assertSamplesAreThisModulesCode(String heading) throws IOException {
        String section = section(heading);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(normalized(Files.readString(file)));
            }
        }
        String properties = Files.readString(Path.of("src/main/resources/META-INF/microprofile-config.properties"));
        String pom = Files.readString(Path.of("pom.xml"));

        Matcher block = BLOCK.matcher(section);
        int java = 0;
        while (block.find()) {
            String body = block.group(2);
            switch (block.group(1)) {
                case "java" -> {
                    java++;
                    String sample = normalized(body);
                    assertTrue(sources.stream().anyMatch(source -> source.contains(sample)),
                            "not in this module's sources:\n" + body);
                }
                case "properties" -> body.lines().forEach(line ->
                        assertTrue(properties.lines().anyMatch(line::equals), "not in the properties: " + line));
                case "xml" -> artifactIds(body).forEach(artifact ->
                        assertTrue(pom.contains("<artifactId>" + artifact + "</artifactId>"), "not in the pom: " + artifact));
                default -> { }
            }
        }
        assertTrue(java >= 2, "the section's Java samples were not found");
    }

    private static String section(String heading) throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertFalse(start < 0, "README.md has no section \"" + heading + "\"");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> artifactIds(String xml) {
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The lines, stripped, without blank ones, each ending with a new line. */
    private static String normalized(String text) {
        StringBuilder out = new StringBuilder("\n");
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
