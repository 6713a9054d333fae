package dev.cognitosecured.testing.graphql;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the graphql-java engine of a {@link LocalGraphQL} from the test's SDL, data fetchers,
 * wiring and group requirements. A data fetcher or group requirement for a field the schema does
 * not have is a mistake in the test and is refused here, before the server starts.
 */
final class ExecutableSchema {

    private ExecutableSchema() {
    }

    static GraphQL build(String sdl, Map<FieldCoordinates, DataFetcher<?>> dataFetchers,
            List<Consumer<RuntimeWiring.Builder>> wiringSteps, Map<FieldCoordinates, Set<String>> requiredGroups) {
        TypeDefinitionRegistry types;
        try {
            types = new SchemaParser().parse(sdl);
        } catch (SchemaProblem e) {
            throw new IllegalArgumentException("the schema is not valid SDL: " + e.getMessage(), e);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        wiringSteps.forEach(step -> step.accept(wiring));
        Map<String, Map<String, DataFetcher<?>>> byType = new LinkedHashMap<>();
        dataFetchers.forEach((field, fetcher) -> byType
                .computeIfAbsent(field.getTypeName(), type -> new LinkedHashMap<>())
                .put(field.getFieldName(), fetcher));
        byType.forEach((type, fetchers) -> wiring.type(type, typeWiring -> {
            fetchers.forEach(typeWiring::dataFetcher);
            return typeWiring;
        }));
        GraphQLSchema schema;
        try {
            schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        } catch (SchemaProblem e) {
            throw new IllegalArgumentException("the schema cannot be built: " + e.getMessage(), e);
        }
        dataFetchers.keySet().forEach(field -> definition(schema, field, "dataFetcher"));
        GraphQLSchema guarded = requiredGroups.isEmpty() ? schema : guard(schema, requiredGroups);
        return GraphQL.newGraphQL(guarded).defaultDataFetcherExceptionHandler(new ResolverErrorHandler()).build();
    }

    private static GraphQLSchema guard(GraphQLSchema schema, Map<FieldCoordinates, Set<String>> requiredGroups) {
        GraphQLCodeRegistry code = schema.getCodeRegistry();
        GraphQLCodeRegistry guardedCode = code.transform(builder -> requiredGroups.forEach((field, groups) -> {
            DataFetcher<?> fetcher = code.getDataFetcher(field, definition(schema, field, "requireGroup"));
            builder.dataFetcher(field, new GroupGuard(fetcher, field, groups));
        }));
        return schema.transform(builder -> builder.codeRegistry(guardedCode));
    }

    private static GraphQLFieldDefinition definition(GraphQLSchema schema, FieldCoordinates field, String setting) {
        GraphQLObjectType type = schema.getObjectType(field.getTypeName());
        GraphQLFieldDefinition definition = type == null ? null : type.getFieldDefinition(field.getFieldName());
        if (definition == null) {
            throw new IllegalArgumentException(setting + "(\"" + field.getTypeName() + "\", \"" + field.getFieldName()
                    + "\"): the schema has no field " + field.getTypeName() + "." + field.getFieldName());
        }
        return definition;
    }
}
