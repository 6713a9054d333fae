package dev.cognitosecured.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.cognitosecured.processor.Compilations.compile;
import static dev.cognitosecured.processor.Compilations.compileWith;
import static dev.cognitosecured.processor.SingleDiagnostic.assertOnlyError;
import static dev.cognitosecured.processor.SingleDiagnostic.assertSingleError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documents checked against a GraphQL schema at compile time, given by
 * {@code @CognitoSecured(schema = ...)} or {@code -Acognito.schema}: each mistake is one error, with
 * its tag, on the line at fault, and no client is generated.
 */
class SchemaCheckTest {

    private static final Path TODO_SCHEMA = Path.of("src/test/resources/schema/todo.graphqls").toAbsolutePath();

    @Test
    void validDocumentsCompileWithoutWarningsAppSyncScalarsAndDirectivesIncluded() {
        Compilation compilation = compile("good/schema/SchemaTodoApi.java");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.schema.SchemaTodoApi_CognitoClient");
    }

    @Test
    void unknownFieldIsAnErrorOnTheMethodNamingTheFieldAndTheClosestOne() {
        Compilation compilation = assertSingleError("bad/schema/UnknownField.java", "UnknownField", "titel");
        assertThat(compilation).hadErrorContaining(
                "UnknownField.getTodo has no field 'titel' on type Todo; did you mean 'title'? (document line 1");
    }

    @Test
    void subscriptionDocumentsAreCheckedAgainstTheSubscriptionType() {
        Compilation compilation = assertSingleError("bad/schema/UnknownSubscriptionField.java", "UnknownField",
                "onAddTodos");
        assertThat(compilation).hadErrorContaining(
                "UnknownSubscriptionField.added has no field 'onAddTodos' on type Subscription; did you mean 'onAddTodo'?");
    }

    @Test
    void unknownFieldOfANestedTypeListsTheTypesFields() {
        Compilation compilation = assertSingleError("bad/schema/UnknownNestedField.java", "UnknownField", "nickname");
        assertThat(compilation).hadErrorContaining("has no field 'nickname' on type Owner; its fields are name, email");
    }

    @Test
    void unknownArgument() {
        Compilation compilation = assertSingleError("bad/schema/UnknownArgument.java", "UnknownArgument", "owner:");
        assertThat(compilation).hadErrorContaining(
                "UnknownArgument.getTodo passes argument 'owner' to field Query.getTodo, which takes id");
    }

    @Test
    void variableWhoseJavaTypeCannotBeSentIsAnErrorOnTheParameter() {
        Compilation compilation = assertSingleError("bad/schema/VariableTypeMismatch.java", "VariableType",
                "@Var(\"done\") String done");
        assertThat(compilation).hadErrorContaining(
                "parameter done of VariableTypeMismatch.countTodos is java.lang.String, which cannot be sent as"
                        + " $done of GraphQL type Boolean; use boolean or Boolean");
    }

    @Test
    void recordSentAsInputObjectMustMatchItsFields() {
        Compilation compilation = assertSingleError("bad/schema/InputRecordMismatch.java", "VariableType",
                "NewTodo input");
        assertThat(compilation).hadErrorContaining(
                "its component 'titel' is not a field of input type AddTodoInput; did you mean 'title'?");
    }

    @Test
    void listSentToASingleValue() {
        Compilation compilation = assertSingleError("bad/schema/ListForSingleValue.java", "VariableType",
                "List<String> ids");
        assertThat(compilation).hadErrorContaining("a list is sent as a JSON array");
    }

    @Test
    void recordComponentTheSelectionDoesNotProvide() {
        Compilation compilation = assertSingleError("bad/schema/UnselectedProperty.java", "UnselectedProperty",
                "@GraphQL(");
        assertThat(compilation).hadErrorContaining(
                "UnselectedProperty.getTodo returns Todo, whose component 'done' is not selected (the selection has"
                        + " id, title)");
    }

    @Test
    void recordComponentOfANestedRecordInAListTheSelectionDoesNotProvide() {
        Compilation compilation = assertSingleError("bad/schema/UnselectedNestedProperty.java",
                "UnselectedProperty", "@GraphQL(");
        assertThat(compilation).hadErrorContaining(
                "returns Owner, whose component 'email' is not selected (the selection has name)");
    }

    @Test
    void recordsCarryingJsonbAnnotationsAreNotComparedWithTheSelection() {
        Compilation compilation = compile("good/schema/jsonb/JsonbProperty.java", "good/schema/JsonbRenamedApi.java");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void whatGraphQLJavasValidatorFindsIsReportedToo() {
        Compilation compilation = assertSingleError("bad/schema/SchemaViolation.java", "SchemaViolation",
                "@GraphQL(");
        assertThat(compilation).hadErrorContaining("VariableTypeMismatch");
    }

    @Test
    void schemaThatDoesNotParseIsOneErrorNamingTheFileAndLine() {
        Compilation compilation = assertSingleError("bad/schema/BrokenSchema.java", "InvalidSchema",
                "@CognitoSecured(");
        assertThat(compilation).hadErrorContaining("the GraphQL schema resource \"schema/broken.graphqls\"");
        assertThat(compilation).hadErrorContaining("line 3");
    }

    @Test
    void aBrokenSchemaIsReportedOnceHoweverManyInterfacesUseIt() {
        Compilation compilation = compile("bad/schema/BrokenSchema.java", "bad/schema/BrokenSchemaToo.java");

        assertOnlyError(compilation, "[InvalidSchema]");
    }

    @Test
    void aSchemaThatDeclaresAppSyncsScalarsAndDirectivesItselfIsUsedAsItIs() {
        Compilation compilation = compile("good/schema/DeclaredScalarsApi.java");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aDirectiveThatIsNeitherDeclaredNorAppSyncsIsAnInvalidSchema() {
        Compilation compilation = assertSingleError("bad/schema/UndeclaredDirective.java", "InvalidSchema",
                "@CognitoSecured(");
        assertThat(compilation).hadErrorContaining("aws_everyone");
    }

    @Test
    void missingSchemaResourceNamesTheAttribute() {
        Compilation compilation = assertSingleError("bad/schema/MissingSchema.java", "MissingSchema",
                "@CognitoSecured(");
        assertThat(compilation).hadErrorContaining(
                "resource \"schema/nowhere.graphqls\" named by @CognitoSecured(schema) on MissingSchema");
    }

    @Test
    void schemaGivenByTheProcessorOptionChecksEveryInterface() {
        Compilation compilation = compileWithOption(TODO_SCHEMA.toString(), "good/schema/OptionTodoApi.java");

        assertOnlyError(compilation, "[UnknownField] OptionTodoApi.getTodo has no field 'titel'")
                .inFile(JavaFileObjects.forResource("good/schema/OptionTodoApi.java"))
                .onLineContaining("titel");
    }

    @Test
    void missingSchemaFileNamesTheOption() {
        Compilation compilation = compileWithOption("no/such/schema.graphqls", "good/schema/OptionTodoApi.java");

        assertOnlyError(compilation, "[MissingSchema]");
        assertThat(compilation).hadErrorContaining("no/such/schema.graphqls named by -Acognito.schema");
    }

    @Test
    void withoutASchemaNothingIsChecked() {
        Compilation compilation = compile("good/schema/OptionTodoApi.java");

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theAnnotationsSchemaWinsOverTheOption() {
        Compilation compilation = compileWithOption("no/such/schema.graphqls", "good/schema/SchemaTodoApi.java");

        assertThat(compilation).succeededWithoutWarnings();
    }

    private static Compilation compileWithOption(String schema, String... resources) {
        List<String> options = new ArrayList<>(Compilations.LINT);
        options.add("-Acognito.schema=" + schema);
        return compileWith(List.of(new CognitoSecuredProcessor()), options, resources);
    }
}
