package dev.cognitosecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static dev.cognitosecured.processor.Compilations.compile;
import static dev.cognitosecured.processor.Compilations.compileWith;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class GeneratedClientTest {

    @Test
    void basicInterfaceGetsAClientForEveryReturnShape() {
        Compilation compilation = compile("good/Todo.java", "good/TodoApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.todo.TodoApi_CognitoClient")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/TodoApi_CognitoClient.java"));
    }

    @Test
    void nestedInterfaceWithNamedPoolIdTokenAndResourceDocument() {
        Compilation compilation = compile("good/Partners.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.partners.Partners_PartnerApi_CognitoClient")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/Partners_PartnerApi_CognitoClient.java"));
    }

    @Test
    void inheritedMethodsAndMultiOperationDocumentsWithOperationName() {
        Compilation compilation = compile("good/Board.java", "good/Lookup.java", "good/BoardApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.board.BoardApi_CognitoClient")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/BoardApi_CognitoClient.java"));
    }

    @Test
    void writesTheIndexEntryTheCdiExtensionReads() {
        Compilation compilation = compile("good/Todo.java", "good/TodoApi.java", "good/Partners.java");

        assertThat(compilation).succeeded();
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/cognito-secured/clients/com.example.todo.TodoApi_CognitoClient")
                .contentsAsUtf8String()
                .isEqualTo("com.example.todo.TodoApi_CognitoClient\n");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/cognito-secured/clients/com.example.partners.Partners_PartnerApi_CognitoClient")
                .contentsAsUtf8String()
                .isEqualTo("com.example.partners.Partners_PartnerApi_CognitoClient\n");
    }

    @Test
    void namesThatCouldClashStillCompile() {
        Compilation compilation = compile("good/ClashingApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.clash.ClashingApi_CognitoClient")
                .contentsAsUtf8String()
                .containsMatch("(?s)POLICY_2 = .*this\\.caller\\.call\\(OPERATION, caller\\)"
                        + ".*return caller\\.call\\(COUNTS, ids\\)");
    }

    @Test
    void waitsForTypesThatAnotherProcessorGenerates() {
        Compilation compilation = compileWith(List.of(new GeneratesLater(), new CognitoSecuredProcessor()),
                Compilations.LINT, "good/LaterApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.later.LaterApi_CognitoClient")
                .contentsAsUtf8String()
                .contains("Operation<Later> LATEST");
    }

    @Test
    void strictLintOnlyNotesUnclaimedAnnotations() {
        Compilation compilation = compileWith(List.of(new CognitoSecuredProcessor()), List.of("-Xlint:all"),
                "good/Todo.java", "good/TodoApi.java",
                "good/Partners.java", "good/Board.java", "good/Lookup.java", "good/BoardApi.java");

        assertThat(compilation).succeeded();
        for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
            assertThat(warning.getSource()).isNull();
            assertThat(warning.getMessage(Locale.ROOT)).startsWith("No processor claimed any of these annotations");
        }
    }

    /** Generates {@code com.example.later.Later} in the first round, as other processors might. */
    static final class GeneratesLater extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("com.example.later.Later").openWriter()) {
                    out.write("package com.example.later;\n\npublic record Later(String id) {\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
