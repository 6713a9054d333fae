package dev.cognitosecured.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognitosecured.runtime.event.SessionEnded;
import dev.cognitosecured.runtime.internal.config.PoolKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/REFERENCE.md names everything a user configures, catches or observes: every key of {@link PoolKeys} (and
 * no other), every public exception of this package, every event class, every {@link SessionEnded.Reason} and
 * every {@link CallTimeoutException.Part}. The classes are listed from the build output, so a new one is caught.
 */
class ReferenceTest {

    private static final Pattern KEY_ROW = Pattern.compile("^\\| `" + Pattern.quote(PoolKeys.ROOT) + "([^`]+)` \\|",
            Pattern.MULTILINE);

    private static String reference;

    @BeforeAll
    static void readReference() throws IOException {
        reference = Files.readString(Path.of("../docs/REFERENCE.md"));
    }

    @Test
    void theKeyTableHoldsExactlyTheKeysOfPoolKeys() throws IllegalAccessException {
        Set<String> inCode = new TreeSet<>();
        for (Field field : PoolKeys.class.getFields()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            if (constant && !field.getName().equals("ROOT") && !field.getName().equals("DEFAULT_POOL")) {
                inCode.add((String) field.get(null));
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = KEY_ROW.matcher(reference);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertTrue(inCode.size() >= 18, "PoolKeys' keys were not found: " + inCode);
        assertEquals(inCode, documented, "the keys of PoolKeys and the rows of docs/REFERENCE.md's key table");
    }

    @Test
    void everyPublicExceptionHasAnEntry() throws IOException, URISyntaxException {
        List<Class<?>> exceptions = classesOf(CognitoSecuredException.class,
                type -> CognitoSecuredException.class.isAssignableFrom(type));
        assertTrue(exceptions.size() >= 10, "the exceptions were not found: " + exceptions);
        assertEquals(List.of(), withoutEntry(exceptions), "exceptions without a \"### `Name`\" entry");
    }

    @Test
    void everyEventHasAnEntry() throws IOException, URISyntaxException {
        List<Class<?>> events = classesOf(SessionEnded.class, type -> !type.getSimpleName().equals("package-info"));
        assertTrue(events.size() >= 4, "the events were not found: " + events);
        assertEquals(List.of(), withoutEntry(events), "events without a \"### `Name`\" entry");
    }

    @Test
    void everySessionEndedReasonHasARow() {
        assertEquals(List.of(), withoutRow(SessionEnded.Reason.values()), "SessionEnded.Reason values without a row");
    }

    @Test
    void everyCallTimeoutPartHasARow() {
        assertEquals(List.of(), withoutRow(CallTimeoutException.Part.values()), "CallTimeoutException.Part values without a row");
    }

    @Test
    void everyMeterAndSpanAttributeHasARow() throws ReflectiveOperationException {
        List<String> names = new java.util.ArrayList<>();
        for (String type : List.of("micrometer.PoolMeters", "otel.PoolTracing", "otel.CognitoSpans")) {
            for (Field field : load("dev.cognitosecured.runtime.internal.observe." + type).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("SPAN")) {
                    field.setAccessible(true);
                    Object value = field.get(null);
                    if (value instanceof String name && name.contains(".")) {
                        names.add(name);
                    } else if (value instanceof io.opentelemetry.api.common.AttributeKey<?> key) {
                        names.add(key.getKey());
                    }
                }
            }
        }
        assertTrue(names.size() >= 15, "the meters and attributes were not found: " + names);
        assertEquals(List.of(), names.stream().filter(name -> !reference.contains("\n| `" + name + "` |")).toList(),
                "meters and span attributes without a row");
    }

    private static List<String> withoutEntry(List<Class<?>> types) {
        return types.stream().map(Class::getSimpleName)
                .filter(name -> !reference.contains("\n### `" + name + "`\n")).toList();
    }

    private static List<String> withoutRow(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name)
                .filter(name -> !reference.contains("\n| `" + name + "` |")).toList();
    }

    /** The public top-level classes of {@code member}'s package, from the folder it was compiled into. */
    private static List<Class<?>> classesOf(Class<?> member, Predicate<Class<?>> wanted)
            throws IOException, URISyntaxException {
        Path output = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = member.getPackageName();
        Path folder = output.resolve(pkg.replace('.', '/'));
        assertTrue(Files.isDirectory(folder), "not a folder: " + folder);
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load(pkg + "." + name.substring(0, name.length() - ".class".length())))
                    .filter(type -> Modifier.isPublic(type.getModifiers()))
                    .filter(wanted)
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReferenceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
