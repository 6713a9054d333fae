package dev.cognitosecured.runtime.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIndexTest {

    private static final String FOLDER = "META-INF/cognito-secured/clients/";

    @TempDir
    Path temp;

    private static Path folderWith(Path root, Map<String, String> entries) throws IOException {
        Path folder = Files.createDirectories(root.resolve(FOLDER));
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Files.writeString(folder.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    private static Path jarWith(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String folder : List.of("META-INF/", "META-INF/cognito-secured/", FOLDER)) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(FOLDER + entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static ClientIndex read(Path... classPath) throws IOException {
        URL[] urls = new URL[classPath.length];
        for (int i = 0; i < classPath.length; i++) {
            urls[i] = classPath[i].toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            return ClientIndex.read(loader);
        }
    }

    @Test
    void readsTheNamesInAFolder() throws IOException {
        Path classes = folderWith(temp.resolve("classes"), Map.of(
                "com.example.TodoApi_CognitoClient", "com.example.TodoApi_CognitoClient\n",
                "com.example.Outer$Inner_CognitoClient", "com.example.Outer$Inner_CognitoClient\n"));

        ClientIndex index = read(classes);

        assertEquals(Set.of("com.example.TodoApi_CognitoClient", "com.example.Outer$Inner_CognitoClient"),
                index.names());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void readsTheNamesInAJarButNotInItsSubfolders() throws IOException {
        Path jar = jarWith(temp.resolve("clients.jar"), Map.of(
                "com.example.TodoApi_CognitoClient", "com.example.TodoApi_CognitoClient\n",
                "nested/com.example.Other_CognitoClient", "com.example.Other_CognitoClient\n"));

        ClientIndex index = read(jar);

        assertEquals(Set.of("com.example.TodoApi_CognitoClient"), index.names());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void mergesEveryRootOfTheClassPathWithoutRepeats() throws IOException {
        Path classes = folderWith(temp.resolve("classes"), Map.of("a.A_CognitoClient", "a.A_CognitoClient\n"));
        Path jar = jarWith(temp.resolve("lib.jar"), Map.of(
                "a.A_CognitoClient", "a.A_CognitoClient\n",
                "b.B_CognitoClient", "b.B_CognitoClient"));

        assertEquals(Set.of("a.A_CognitoClient", "b.B_CognitoClient"), read(classes, jar).names());
    }

    @Test
    void anEntryThatHoldsNoClassNameIsAProblemThatSaysWhere() throws IOException {
        Path classes = folderWith(temp.resolve("classes"), Map.of(
                "broken", "this is not a class name\n",
                "empty", "",
                "good.Client", "good.Client\n"));

        ClientIndex index = read(classes);

        assertEquals(Set.of("good.Client"), index.names());
        assertEquals(2, index.problems().size(), index.problems().toString());
        assertTrue(index.problems().stream().anyMatch(p -> p.contains("broken")), index.problems().toString());
        assertTrue(index.problems().stream().anyMatch(p -> p.contains("empty")), index.problems().toString());
    }

    @Test
    void aClassPathWithoutAnIndexHasNoClients() throws IOException {
        ClientIndex index = read(Files.createDirectories(temp.resolve("nothing")));

        assertEquals(Set.of(), index.names());
        assertEquals(List.of(), index.problems());
    }
}
