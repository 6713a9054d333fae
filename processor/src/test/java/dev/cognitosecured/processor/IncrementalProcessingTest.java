package dev.cognitosecured.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cognitosecured.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What Gradle's incremental compilation relies on: the processor is declared {@code isolating}, and
 * every file it creates (the client's source and its index resource) names exactly one originating
 * element, counted as Gradle counts it: by top-level type. A file with none or several would make
 * Gradle recompile everything ("must have exactly one originating element").
 */
class IncrementalProcessingTest {

    private static final String DECLARATION = "META-INF/gradle/incremental.annotation.processors";

    @Test
    void theProcessorIsDeclaredIsolatingAndIsTheOneTheServiceLoaderFinds() throws IOException {
        List<URL> declarations = Collections.list(getClass().getClassLoader().getResources(DECLARATION));
        List<String> lines = new ArrayList<>();
        for (URL declaration : declarations) {
            try (InputStream in = declaration.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank()).forEach(lines::add);
            }
        }

        assertThat(lines).containsExactly(CognitoSecuredProcessor.class.getName() + ",isolating");
        assertThat(ServiceLoader.load(Processor.class, getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName()).toList())
                .contains(CognitoSecuredProcessor.class.getName());
    }

    @Test
    void everyGeneratedSourceAndResourceHasExactlyOneOriginatingType() {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compileWith(List.of(new GeneratedClientTest.GeneratesLater(), processor),
                Compilations.LINT,
                "good/Todo.java", "good/TodoApi.java", "good/Partners.java",
                "good/Board.java", "good/Lookup.java", "good/BoardApi.java", "good/ClashingApi.java",
                "good/LaterApi.java", "good/schema/SchemaTodoApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> expectedOrigins = Map.of(
                "com.example.todo.TodoApi_CognitoClient", "com.example.todo.TodoApi",
                "com.example.partners.Partners_PartnerApi_CognitoClient", "com.example.partners.Partners",
                "com.example.board.BoardApi_CognitoClient", "com.example.board.BoardApi",
                "com.example.clash.ClashingApi_CognitoClient", "com.example.clash.ClashingApi",
                "com.example.later.LaterApi_CognitoClient", "com.example.later.LaterApi",
                "com.example.schema.SchemaTodoApi_CognitoClient", "com.example.schema.SchemaTodoApi");
        List<RecordingProcessor.Created> created = processor.createdFiles();
        for (RecordingProcessor.Created file : created) {
            assertThat(file.originatingElements()).isEqualTo(1);
            assertThat(file.originatingTypes()).hasSize(1);
        }
        List<RecordingProcessor.Created> expected = new ArrayList<>();
        for (Map.Entry<String, String> client : expectedOrigins.entrySet()) {
            expected.add(new RecordingProcessor.Created("createSourceFile", client.getKey(), "SOURCE_OUTPUT",
                    Set.of(client.getValue()), 1));
            expected.add(new RecordingProcessor.Created("createResource",
                    "META-INF/cognito-secured/clients/" + client.getKey(), "CLASS_OUTPUT",
                    Set.of(client.getValue()), 1));
        }
        assertThat(created).containsExactlyElementsIn(expected);
        // Nothing was written past the recording filer: the compiler's own list of generated sources and
        // resources has exactly these, besides Later (from the other processor) and the documents and schema
        // the processor read (compile-testing's in-memory file manager lists a resource looked up in the class
        // output as if it had been written there).
        long generatedByUs = compilation.generatedFiles().stream()
                .filter(file -> file.getKind() == JavaFileObject.Kind.SOURCE || file.getKind() == JavaFileObject.Kind.OTHER)
                .map(JavaFileObject::getName)
                .filter(name -> !name.endsWith("/Later.java") && !name.endsWith(".graphql") && !name.endsWith(".graphqls"))
                .count();
        assertThat(generatedByUs).isEqualTo(created.size());
    }
}
