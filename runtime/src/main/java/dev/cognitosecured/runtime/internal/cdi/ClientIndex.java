package dev.cognitosecured.runtime.internal.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The generated clients on the class path, as the annotation processor lists them: one resource per
 * client at {@code META-INF/cognito-secured/clients/<binary name>}, holding that name. Folders
 * ({@code file:}) and jars ({@code jar:}) are read; the names are de-duplicated.
 *
 * @param names the clients' binary names, sorted
 * @param problems entries that could not be read, each saying where
 */
record ClientIndex(Set<String> names, List<String> problems) {

    /** The folder the annotation processor writes the index to. */
    static final String FOLDER = "META-INF/cognito-secured/clients";

    ClientIndex {
        names = Set.copyOf(names);
        problems = List.copyOf(problems);
    }

    /** The index as {@code loader} sees it. */
    static ClientIndex read(ClassLoader loader) {
        Set<String> names = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Enumeration<URL> folders;
        try {
            folders = loader.getResources(FOLDER);
        } catch (IOException e) {
            return new ClientIndex(names, List.of("cannot list " + FOLDER + ": " + e));
        }
        while (folders.hasMoreElements()) {
            URL folder = folders.nextElement();
            try {
                switch (folder.getProtocol()) {
                    case "file" -> readFolder(Path.of(folder.toURI()), names, problems);
                    case "jar" -> readJar(folder, names, problems);
                    default -> problems.add("cannot list " + folder + " (a " + folder.getProtocol()
                            + ": URL); package the generated clients in a jar or a folder on the class path");
                }
            } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException e) {
                problems.add("cannot read " + folder + ": " + e);
            }
        }
        return new ClientIndex(names, problems);
    }

    private static void readFolder(Path folder, Set<String> names, List<String> problems) throws IOException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.filter(Files::isRegularFile).toList();
        }
        for (Path entry : entries) {
            add(entry.toString(), Files.readString(entry, StandardCharsets.UTF_8), names, problems);
        }
    }

    private static void readJar(URL folder, Set<String> names, List<String> problems) throws IOException {
        URLConnection connection = folder.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            problems.add("cannot list " + folder + ": not a jar");
            return;
        }
        jarConnection.setUseCaches(false);
        String prefix = FOLDER + "/";
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    add(jar.getName() + "!/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            names, problems);
                }
            }
        }
    }

    /**
     * Whether {@code name} is a binary class name: Java identifiers joined by dots. (A loop rather
     * than a regular expression: this runs at every container start, and compiling the expression
     * cost more than reading the index.)
     */
    static boolean isBinaryName(String name) {
        boolean identifierStarts = true;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (identifierStarts) {
                if (!Character.isJavaIdentifierStart(c)) {
                    return false;
                }
                identifierStarts = false;
            } else if (c == '.') {
                identifierStarts = true;
            } else if (!Character.isJavaIdentifierPart(c)) {
                return false;
            }
        }
        return !identifierStarts;
    }

    private static void add(String where, String content, Set<String> names, List<String> problems) {
        String name = content.strip();
        if (isBinaryName(name)) {
            names.add(name);
        } else {
            problems.add(where + " does not hold the binary name of a class; rebuild the project so that"
                    + " the annotation processor writes it again");
        }
    }
}
