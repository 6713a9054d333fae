package dev.cognitosecured.processor;

import graphql.GraphQLError;
import graphql.language.Definition;
import graphql.language.DirectiveDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SDLDefinition;
import graphql.language.SourceLocation;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds the GraphQL schema an interface's documents are checked against: its
 * {@code @CognitoSecured(schema = ...)} resource, else the file named by the processor option
 * {@value #OPTION}, else none. Each schema is read and built once per compilation; a schema that
 * cannot be read or built is reported once, on the first interface that uses it.
 */
final class SchemaSource {

    /** The processor option naming a schema file: {@code -Acognito.schema=path/to/schema.graphqls}. */
    static final String OPTION = "cognito.schema";

    /**
     * AppSync's own scalars and directives, which AppSync knows without the schema declaring them;
     * added to a schema that does not declare them itself.
     */
    private static final String APPSYNC = """
            scalar AWSDate
            scalar AWSTime
            scalar AWSDateTime
            scalar AWSTimestamp
            scalar AWSEmail
            scalar AWSJSON
            scalar AWSURL
            scalar AWSPhone
            scalar AWSIPAddress
            directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
            directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | INTERFACE | FIELD_DEFINITION
            directive @aws_iam on OBJECT | INTERFACE | FIELD_DEFINITION
            directive @aws_api_key on OBJECT | INTERFACE | FIELD_DEFINITION
            directive @aws_oidc on OBJECT | INTERFACE | FIELD_DEFINITION
            directive @aws_lambda on OBJECT | INTERFACE | FIELD_DEFINITION
            directive @aws_auth(cognito_groups: [String]) on OBJECT | INTERFACE | FIELD_DEFINITION
            """;

    private final Elements elements;
    private final Resources resources;
    private final Optional<String> option;
    private final Diagnostics diagnostics;
    private final Map<String, Optional<GraphQLSchema>> built = new HashMap<>();

    SchemaSource(Elements elements, Resources resources, Optional<String> option, Diagnostics diagnostics) {
        this.elements = elements;
        this.resources = resources;
        this.option = option.map(String::trim).filter(path -> !path.isEmpty());
        this.diagnostics = diagnostics;
    }

    /** The schema for {@code type}; empty if none is given or it could not be used (reported). */
    Optional<GraphQLSchema> schemaFor(TypeElement type, AnnotationMirror cognitoSecured) {
        String resource = schemaMember(cognitoSecured);
        if (!resource.isEmpty()) {
            return built.computeIfAbsent("resource:" + resource, key -> fromResource(type, cognitoSecured, resource));
        }
        return option.flatMap(path -> built.computeIfAbsent("file:" + path,
                key -> fromFile(type, cognitoSecured, path)));
    }

    private Optional<GraphQLSchema> fromResource(TypeElement type, AnnotationMirror annotation, String resource) {
        Optional<String> text = resources.read(resource);
        if (text.isEmpty()) {
            diagnostics.reportOnValue(Message.MISSING_SCHEMA, type, annotation, "schema",
                    "resource \"" + resource + "\" named by @CognitoSecured(schema) on " + type.getSimpleName(),
                    "it is read from the class output, source path or class path, so put it under"
                            + " src/main/resources/" + resource + " or correct the name (with Gradle, which compiles"
                            + " before it copies resources, also add compileOnly(files(\"src/main/resources\")))");
            return Optional.empty();
        }
        return build(type, annotation, "resource \"" + resource + "\"", text.get());
    }

    private Optional<GraphQLSchema> fromFile(TypeElement type, AnnotationMirror annotation, String path) {
        Path file = Path.of(path).toAbsolutePath();
        String name = "file " + file + " named by -A" + OPTION;
        try {
            return build(type, annotation, "file " + file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            diagnostics.reportOnAnnotation(Message.MISSING_SCHEMA, type, annotation, name,
                    "it does not exist or is not readable (" + e.getClass().getSimpleName() + "); a relative path"
                            + " is resolved against the compiler's working directory, so with Maven give"
                            + " -A" + OPTION + "=${project.basedir}/path/to/schema.graphqls");
            return Optional.empty();
        }
    }

    private Optional<GraphQLSchema> build(TypeElement type, AnnotationMirror annotation, String name, String sdl) {
        try {
            TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
            addAppSyncDefinitions(registry);
            return Optional.of(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
        } catch (SchemaProblem problem) {
            String errors = problem.getErrors().stream().map(SchemaSource::describe)
                    .collect(Collectors.joining("; "));
            diagnostics.reportOnValue(Message.INVALID_SCHEMA, type, annotation, "schema", name, errors);
            return Optional.empty();
        }
    }

    private static void addAppSyncDefinitions(TypeDefinitionRegistry registry) {
        for (Definition<?> definition : Parser.parse(APPSYNC).getDefinitions()) {
            boolean declared = definition instanceof ScalarTypeDefinition scalar
                    ? registry.getType(scalar.getName()).isPresent()
                    : registry.getDirectiveDefinition(((DirectiveDefinition) definition).getName()).isPresent();
            if (!declared) {
                registry.add((SDLDefinition<?>) definition);
            }
        }
    }

    private static String describe(GraphQLError error) {
        String at = error.getLocations() == null || error.getLocations().isEmpty()
                || error.getMessage().contains(" line ")
                ? ""
                : at(error.getLocations().get(0));
        return error.getMessage() + at;
    }

    private static String at(SourceLocation location) {
        return " (line " + location.getLine() + ", column " + location.getColumn() + ")";
    }

    private String schemaMember(AnnotationMirror annotation) {
        for (var entry : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("schema")) {
                return ((String) entry.getValue().getValue()).trim();
            }
        }
        return "";
    }
}
