package dev.cognitosecured.secretscan;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails a test when a secret that a stand-in handed out or received in this run ({@link IssuedSecrets}) appears in
 * what the test produced: a log record at any level of the library's loggers (with its exception's stack trace), an
 * exception the test failed with or a lifecycle method threw (message, causes, suppressed), an exception that ended
 * a thread of the run, the message of every exception of a library type the run created (thrown, caught, or
 * completed into a future; from Java Flight Recorder), or the {@code toString()} of an object of a library type that
 * the test instance holds in a field (directly, or in a collection or map: the events a test observed, the tokens
 * it got). A leak found after the test fails the test; one in a class's {@code @BeforeAll}/{@code @AfterAll} fails
 * the class. The failure names the kind of secret and where it was seen, with the secret cut out.
 *
 * <p>Register it for every test of a module with JUnit's extension auto-detection: {@code
 * junit.jupiter.extensions.autodetection.enabled=true} in {@code src/test/resources/junit-platform.properties}
 * (this jar declares it in {@code META-INF/services}). Each test JVM writes what it scanned to
 * {@code target/secret-scan.txt} when it ends.
 *
 * <p>Not seen: the stack trace and causes of an exception a test catches itself (e.g. with {@code assertThrows}) and
 * never logs or fails with (its own message is seen, if it is a library type); another library's exception that the
 * test catches; text printed straight to {@code System.out}/{@code System.err}; library exceptions created in the
 * last second of a test JVM (Flight Recorder's delivery).
 */
public final class SecretScan implements BeforeAllCallback, AfterAllCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final String LIBRARY_PACKAGE = LogCapture.LIBRARY + ".";

    private static final SeenTexts SEEN = new SeenTexts();
    private static final AtomicLong TESTS = new AtomicLong();
    private static final AtomicLong TEXTS = new AtomicLong();
    private static final AtomicLong EXCEPTIONS = new AtomicLong();
    private static final AtomicLong TO_STRINGS = new AtomicLong();
    private static volatile LogCapture capture;
    private static volatile Optional<CreatedExceptions> created = Optional.empty();

    /** For JUnit's auto-detection. */
    public SecretScan() {
    }

    private static synchronized void install() {
        if (capture != null) {
            return;
        }
        capture = LogCapture.install(SEEN);
        created = CreatedExceptions.start(SEEN);
        IssuedSecrets.startRecording();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> {
            EXCEPTIONS.incrementAndGet();
            SEEN.addThrowable("an exception that ended thread " + thread.getName(), thrown);
            if (before != null) {
                before.uncaughtException(thread, thrown);
            } else {
                thrown.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(SecretScan::writeSummary, "secret-scan-summary"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        seenThrown("the exception the test failed with", thrown);
        throw thrown;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        seenThrown("the exception @BeforeAll threw", thrown);
        throw thrown;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        seenThrown("the exception @BeforeEach threw", thrown);
        throw thrown;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        seenThrown("the exception @AfterEach threw", thrown);
        throw thrown;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        seenThrown("the exception @AfterAll threw", thrown);
        throw thrown;
    }

    private static void seenThrown(String where, Throwable thrown) {
        if (!(thrown instanceof SecretLeakError)) {
            EXCEPTIONS.incrementAndGet();
            SEEN.addThrowable(where, thrown);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TESTS.incrementAndGet();
        context.getTestInstance().ifPresent(SecretScan::seeFields);
        scan(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        scan(context);
    }

    private static void scan(ExtensionContext context) {
        List<SeenTexts.Seen> texts = SEEN.drain();
        TEXTS.addAndGet(texts.size());
        for (SeenTexts.Seen seen : texts) {
            Optional<IssuedSecrets.Found> found = IssuedSecrets.findIn(seen.text());
            if (found.isPresent()) {
                throw new SecretLeakError(context.getDisplayName(), seen.where(), found.get(), seen.text());
            }
        }
    }

    /** The toString() of every object of a library type the test instance holds, in fields or their collections. */
    private static void seeFields(Object testInstance) {
        for (Class<?> type = testInstance.getClass(); type != null && type != Object.class;
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(testInstance);
                } catch (IllegalAccessException | InaccessibleObjectException | SecurityException e) {
                    continue;
                }
                String where = "the toString() of field " + type.getSimpleName() + "." + field.getName();
                if (value instanceof Collection<?> collection) {
                    Object[] elements = snapshot(collection);
                    for (Object element : elements) {
                        seeToString(where + " (an element)", element);
                    }
                } else if (value instanceof Map<?, ?> map) {
                    Object[] entries = snapshot(map.entrySet());
                    for (Object entry : entries) {
                        Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                        seeToString(where + " (a key)", e.getKey());
                        seeToString(where + " (a value)", e.getValue());
                    }
                } else {
                    seeToString(where, value);
                }
            }
        }
    }

    private static Object[] snapshot(Collection<?> collection) {
        try {
            return collection.toArray();
        } catch (RuntimeException concurrentlyChanged) {
            return new Object[0];
        }
    }

    private static void seeToString(String where, Object value) {
        if (value == null || !isLibraryType(value.getClass())) {
            return;
        }
        TO_STRINGS.incrementAndGet();
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            return;
        }
        SEEN.add(where, text);
    }

    /** A type of the library's main code (the runtime, the generated clients' runtime, the test kit), not a test's. */
    private static boolean isLibraryType(Class<?> type) {
        if (!type.getName().startsWith(LIBRARY_PACKAGE)) {
            return false;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null || !location.getPath().contains("/test-classes/");
    }

    private static void writeSummary() {
        String line = String.format("secret scan: %d tests, %d texts scanned (%d log records, %d exceptions a test"
                        + " failed with or a thread ended with, %d messages of library exceptions created, %d"
                        + " toString()s of library objects); %d secrets recorded, %d looked for%n",
                TESTS.get(), TEXTS.get(), capture == null ? 0 : capture.records(), EXCEPTIONS.get(),
                created.map(CreatedExceptions::messages).orElse(0L), TO_STRINGS.get(),
                IssuedSecrets.recorded(), IssuedSecrets.lookedFor());
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("secret-scan.txt"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                System.err.print(line);
            }
        }
    }
}
