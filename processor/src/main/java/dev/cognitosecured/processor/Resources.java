package dev.cognitosecured.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Reads resources named like class-path resources ({@code graphql/op.graphql}) at compile time,
 * through the {@link Filer}: from the class output first (with Maven, {@code src/main/resources} is
 * copied there before compiling), then the source path, then the class path.
 */
final class Resources {

    private static final List<JavaFileManager.Location> LOCATIONS = List.of(
            StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH);

    private final Filer filer;

    Resources(Filer filer) {
        this.filer = filer;
    }

    /** The text of the resource, UTF-8, or empty if no location has it. */
    Optional<String> read(String name) {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        for (JavaFileManager.Location location : LOCATIONS) {
            try (InputStream in = filer.getResource(location, "", relative).openInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException notThere) {
                // try the next location
            }
        }
        return Optional.empty();
    }
}
