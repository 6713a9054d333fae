package dev.cognitosecured.benchmarks.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The class loader a boot scenario runs with: the benchmarks' own classes, but with a client index
 * ({@code META-INF/cognito-secured/clients}) that lists only the scenario's generated clients (the jar
 * lists all 100 and more), and with no service file for CDI extensions, so that the scenario adds the
 * extensions it wants and no other. Classes come from the parent; only these two resources differ.
 */
final class ScenarioClassLoader extends ClassLoader {

    static final String CLIENT_INDEX = "META-INF/cognito-secured/clients";
    static final String EXTENSIONS = "META-INF/services/jakarta.enterprise.inject.spi.Extension";

    private final Optional<URL> index;

    private ScenarioClassLoader(ClassLoader parent, Optional<URL> index) {
        super("boot-scenario", parent);
        this.index = index;
    }

    /** A loader whose client index lists {@code clients} (binary names) and nothing else. */
    static ScenarioClassLoader withIndex(ClassLoader parent, List<String> clients) {
        try {
            Path folder = Files.createTempDirectory("boot-index");
            folder.toFile().deleteOnExit();
            for (String client : clients) {
                Path entry = Files.writeString(folder.resolve(client), client, StandardCharsets.UTF_8);
                entry.toFile().deleteOnExit();
            }
            return new ScenarioClassLoader(parent, Optional.of(folder.toUri().toURL()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario's client index", e);
        }
    }

    /** A loader with no client index at all. */
    static ScenarioClassLoader withoutIndex(ClassLoader parent) {
        return new ScenarioClassLoader(parent, Optional.empty());
    }

    @Override
    public URL getResource(String name) {
        if (CLIENT_INDEX.equals(name) || (CLIENT_INDEX + "/").equals(name)) {
            return index.orElse(null);
        }
        if (EXTENSIONS.equals(name)) {
            return null;
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (CLIENT_INDEX.equals(name) || (CLIENT_INDEX + "/").equals(name)) {
            return Collections.enumeration(index.map(List::of).orElse(List.of()));
        }
        if (EXTENSIONS.equals(name)) {
            return Collections.emptyEnumeration();
        }
        return super.getResources(name);
    }
}
