package dev.cognitosecured.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cognitosecured.processor.Compilations.compile;
import static dev.cognitosecured.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject.DiagnosticInFile;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;

/**
 * Asserts that the processor reported exactly one diagnostic, with its stable tag, on the line at fault:
 * what every misuse of the annotations must give.
 */
final class SingleDiagnostic {

    private SingleDiagnostic() {
    }

    /**
     * Compiles the test resource with the processor and asserts that it failed with one error, tagged
     * {@code [tag]}, on the line containing {@code line}, and that no client was generated.
     *
     * @return the compilation, for checks of the error's message
     */
    static Compilation assertSingleError(String resource, String tag, String line) {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compileWith(List.of(processor), Compilations.LINT, resource);

        assertOnlyError(compilation, "[" + tag + "] ")
                .inFile(JavaFileObjects.forResource(resource))
                .onLineContaining(line);
        assertThat(processor.created()).isEmpty();
        return compilation;
    }

    /**
     * Asserts that the compilation failed with exactly one error, and that it contains {@code text}.
     *
     * @return that error, to assert where it stands
     */
    static DiagnosticInFile assertOnlyError(Compilation compilation, String text) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        return assertThat(compilation).hadErrorContaining(text);
    }

    /**
     * Compiles the test resource with the processor and asserts that it succeeded with one warning,
     * tagged {@code [tag]}, on the line containing {@code line}.
     */
    static void assertSingleWarning(String resource, String tag, String line) {
        Compilation compilation = compile(resource);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[" + tag + "] ")
                .inFile(JavaFileObjects.forResource(resource))
                .onLineContaining(line);
    }
}
