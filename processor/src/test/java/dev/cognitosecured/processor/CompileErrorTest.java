package dev.cognitosecured.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cognitosecured.processor.Compilations.compile;
import static dev.cognitosecured.processor.Compilations.compileWith;
import static dev.cognitosecured.processor.SingleDiagnostic.assertSingleError;
import static dev.cognitosecured.processor.SingleDiagnostic.assertSingleWarning;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every misuse is one compile error, with its stable tag, on the line at fault; no client is generated. */
class CompileErrorTest {

    @ParameterizedTest
    @ValueSource(strings = {"Class", "Enum", "Record", "Annotation"})
    void notAnInterface(String kind) {
        Compilation compilation = assertSingleError("bad/NotAnInterface" + kind + ".java", "NotAnInterface",
                "@CognitoSecured");
        assertThat(compilation).hadErrorContaining("declare NotAnInterface" + kind + " as an interface");
    }

    @Test
    void genericInterface() {
        assertSingleError("bad/GenericInterface.java", "GenericInterface", "interface GenericInterface<T>");
    }

    @Test
    void privateInterface() {
        assertSingleError("bad/InaccessibleInterface.java", "InaccessibleInterface", "private interface HiddenApi");
    }

    @Test
    void interfaceInPrivateClass() {
        assertSingleError("bad/InaccessibleEnclosing.java", "InaccessibleInterface",
                "interface VisibleApiInHiddenClass");
    }

    @Test
    void abstractMethodWithoutGraphQL() {
        Compilation compilation = assertSingleError("bad/MissingGraphQL.java", "MissingGraphQL", "String pong();");
        assertThat(compilation).hadErrorContaining("MissingGraphQL.pong has no @GraphQL");
    }

    @Test
    void genericMethod() {
        assertSingleError("bad/GenericMethod.java", "GenericMethod", "<T> T item(");
    }

    @Test
    void documentAndResource() {
        assertSingleError("bad/DocumentAndResource.java", "DocumentAndResource", "resource = ");
    }

    @Test
    void noDocument() {
        assertSingleError("bad/NoDocument.java", "NoDocument", "@GraphQL(operationName");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        Compilation compilation = assertSingleError("bad/SyntaxError.java", "InvalidDocument", "@GraphQL(");
        assertThat(compilation).hadErrorContaining("syntax error at line 1, column 52, unexpected <EOF>");
    }

    @Test
    void typeSystemDefinition() {
        Compilation compilation = assertSingleError("bad/TypeDefinition.java", "InvalidDocument", "@GraphQL(");
        assertThat(compilation).hadErrorContaining("type system definition (ObjectTypeDefinition) at line 1, column 21");
    }

    @Test
    void severalOperationsWithoutOperationName() {
        Compilation compilation = assertSingleError("bad/AmbiguousOperation.java", "AmbiguousOperation", "@GraphQL(");
        assertThat(compilation).hadErrorContaining("2 operations (Ping, Pong)");
    }

    @Test
    void operationNameNotInDocument() {
        assertSingleError("bad/UnknownOperation.java", "UnknownOperation", "operationName = \"Pang\"");
    }

    @Test
    void anonymousOperationNextToOthers() {
        assertSingleError("bad/AnonymousOperation.java", "AnonymousOperation", "@GraphQL(");
    }

    @Test
    void subscriptionThatDoesNotReturnAPublisher() {
        Compilation compilation = assertSingleError("bad/SubscriptionNotPublisher.java", "SubscriptionReturnType",
                "String added();");
        assertThat(compilation).hadErrorContaining("return Flow.Publisher<T>");
    }

    @Test
    void publisherForAQuery() {
        Compilation compilation = assertSingleError("bad/PublisherForQuery.java", "PublisherWithoutSubscription",
                "Flow.Publisher<String> names();");
        assertThat(compilation).hadErrorContaining("sends a query");
    }

    @Test
    void subscriptionWithTwoRootFields() {
        Compilation compilation = assertSingleError("bad/SubscriptionTwoRootFields.java", "SubscriptionRootField",
                "@GraphQL(");
        assertThat(compilation).hadErrorContaining("selects 2 root fields (added, removed)");
    }

    @Test
    void subscriptionWithAFragmentAtItsRoot() {
        Compilation compilation = assertSingleError("bad/SubscriptionRootFragment.java", "SubscriptionRootField",
                "@GraphQL(");
        assertThat(compilation).hadErrorContaining("selects a fragment at its root");
    }

    @Test
    void subscriptionWithSkipOnItsRootField() {
        Compilation compilation = assertSingleError("bad/SubscriptionRootSkip.java", "SubscriptionRootField",
                "@GraphQL(");
        assertThat(compilation).hadErrorContaining("puts @skip on its root field");
    }

    @Test
    void rawPublisher() {
        assertSingleError("bad/RawPublisher.java", "UnsupportedReturnType", "Flow.Publisher added();");
    }

    @Test
    void documentVariableWithoutParameter() {
        Compilation compilation = assertSingleError("bad/UnboundVariable.java", "UnboundVariable", "@GraphQL(");
        assertThat(compilation).hadErrorContaining("$full is declared by the document of UnboundVariable.get");
    }

    @Test
    void parameterWithoutVar() {
        assertSingleError("bad/MissingVar.java", "MissingVar", "String extra");
    }

    @Test
    void parameterBoundToUndeclaredVariable() {
        assertSingleError("bad/UndeclaredVariable.java", "UndeclaredVariable", "@Var(\"id\") String id");
    }

    @Test
    void twoParametersBoundToOneVariable() {
        assertSingleError("bad/DuplicateVar.java", "DuplicateVar", "@Var(\"id\") String again");
    }

    @Test
    void unparsableRefreshSkew() {
        assertSingleError("bad/UnparsableRefreshSkew.java", "UnparsableRefreshSkew", "refreshSkew = ");
    }

    @Test
    void negativeRefreshSkew() {
        assertSingleError("bad/NegativeRefreshSkew.java", "NegativeRefreshSkew", "refreshSkew = ");
    }

    @Test
    void tooManyRetries() {
        assertSingleError("bad/TooManyRetries.java", "RetryOutOfRange", "retryOnUnauthorized = ");
    }

    @Test
    void negativeRetries() {
        assertSingleError("bad/NegativeRetries.java", "RetryOutOfRange", "retryOnUnauthorized = ");
    }

    @Test
    void unreadableResource() {
        assertSingleError("bad/UnreadableResource.java", "UnreadableResource", "resource = ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RawList:List items();", "MapReturn:Map<String, Object> items();",
            "WildcardReturn:List<? extends CharSequence> items();",
            "CompletableFutureReturn:CompletableFuture<String> ping();"})
    void unsupportedReturnType(String fileAndLine) {
        String[] parts = fileAndLine.split(":", 2);
        assertSingleError("bad/" + parts[0] + ".java", "UnsupportedReturnType", parts[1]);
    }

    @Test
    void completableFutureSaysToUseCompletionStage() {
        Compilation compilation = compile("bad/CompletableFutureReturn.java");
        assertThat(compilation).hadErrorContaining("return CompletionStage<T> instead");
    }

    @Test
    void typeThatIsNeverGeneratedIsReportedWhenProcessingIsOver() {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compileWith(List.of(processor), Compilations.LINT, "bad/UnresolvedType.java");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[UnresolvedType]")
                .inFile(JavaFileObjects.forResource("bad/UnresolvedType.java"))
                .onLineContaining("public interface UnresolvedType");
        assertThat(compilation).hadErrorContaining("type NotGeneratedByAnyone could not be resolved");
        assertThat(processor.created()).isEmpty();
    }

    @Test
    void zeroRefreshSkewWarns() {
        assertSingleWarning("bad/ZeroRefreshSkew.java", "ZeroRefreshSkew", "refreshSkew = ");
    }

    @Test
    void refreshSkewOfFiveMinutesWarns() {
        assertSingleWarning("bad/LongRefreshSkew.java", "LongRefreshSkew", "refreshSkew = ");
    }

    @Test
    void aFailingInterfaceDoesNotStopTheOthers() {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compileWith(List.of(processor), Compilations.LINT,
                "bad/MissingGraphQL.java", "good/Todo.java", "good/TodoApi.java");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(processor.created()).containsExactly("com.example.todo.TodoApi_CognitoClient",
                "META-INF/cognito-secured/clients/com.example.todo.TodoApi_CognitoClient");
    }
}
