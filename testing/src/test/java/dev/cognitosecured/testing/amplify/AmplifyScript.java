package dev.cognitosecured.testing.amplify;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code amplify/sign-in.mjs} with Node: AWS Amplify JS, installed by the build from the committed {@code
 * package-lock.json} ({@code npm ci}), signs in against a LocalCognito. The process gets a bounded time; its
 * output is read once it has ended.
 */
final class AmplifyScript {

    private static final long TIMEOUT_SECONDS = 60;

    private AmplifyScript() {}

    /** What the script printed on standard output, line by line, and on standard error, and how it ended. */
    record Run(int exitCode, List<String> lines, String errors) {
    }

    /** Runs the script with {@code environment} added to this process's environment. */
    static Run run(Map<String, String> environment) throws IOException, InterruptedException {
        Path folder = Path.of(System.getProperty("basedir", ".")).resolve("amplify").toAbsolutePath();
        if (!Files.isDirectory(folder.resolve("node_modules").resolve("aws-amplify"))) {
            fail("aws-amplify is not installed in " + folder + ": the Maven build installs it (npm ci) before the"
                    + " tests; outside Maven, run `npm ci` in that folder");
        }
        Path output = Files.createTempFile("amplify-out", ".txt");
        Path errors = Files.createTempFile("amplify-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "sign-in.mjs")
                    .directory(folder.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("node sign-in.mjs did not end within " + TIMEOUT_SECONDS + " s; it printed "
                        + Files.readString(output, StandardCharsets.UTF_8) + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), new ArrayList<>(Files.readAllLines(output, StandardCharsets.UTF_8)),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
