package dev.cognitosecured.benchmarks.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a measurement in a new JVM (the same JDK and class path, a 1 GB heap as JMH's forks have) and
 * reads back its numbers: the lines the child prints that start with a given prefix, each a list of
 * numbers separated by spaces. The child's other output is shown only if it fails.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code args} in a new JVM.
     *
     * @return the numbers of each line that starts with {@code prefix}, in order
     * @throws IllegalStateException if the child exits with a failure or prints no such line
     */
    public static List<double[]> run(Class<?> main, String prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<double[]> results = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(prefix)) {
                    results.add(Arrays.stream(line.substring(prefix.length()).trim().split(" "))
                            .mapToDouble(Double::parseDouble).toArray());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || results.isEmpty()) {
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " failed (exit " + exit
                    + "):\n" + output);
        }
        return results;
    }
}
