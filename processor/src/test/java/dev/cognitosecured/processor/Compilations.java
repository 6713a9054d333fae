package dev.cognitosecured.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Processor;

/** Compiles test sources with the processor, as strictly as the project's build compiles. */
final class Compilations {

    /**
     * The project's lint options. {@code -Xlint:-processing} only silences javac's notice that no
     * processor claimed {@code @Inject} and the other annotations of the generated code, which every
     * build that runs a processor over such code gets; see
     * {@code GeneratedClientTest#strictLintOnlyNotesUnclaimedAnnotations}.
     */
    static final List<String> LINT = List.of("-Xlint:all", "-Xlint:-processing");

    private Compilations() {
    }

    /** Compiles the named test resources with the processor. */
    static Compilation compile(String... resources) {
        return compileWith(List.of(new CognitoSecuredProcessor()), LINT, resources);
    }

    /** Compiles the named test resources with these processors and options. */
    static Compilation compileWith(List<? extends Processor> processors, List<String> options,
            String... resources) {
        return javac()
                .withProcessors(processors)
                .withOptions(options)
                .compile(Arrays.stream(resources).map(JavaFileObjects::forResource).toList());
    }
}
