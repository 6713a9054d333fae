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
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.StringValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Builds the graphql-java engine of a {@link LocalGraphQL} from the test's SDL, data fetchers,
 * wiring and group requirements. A data fetcher or group requirement for a field the schema does
 * not have is a mistake in the test and is refused here, before the server starts.
 */
final class ExecutableSchema {

    /** The key, in the GraphQL context, of the object an event publishes (see {@link #subscriptionsAsQuery}). */
    static final String PUBLISHED = ExecutableSchema.class.getName() + ".published";

    /** AppSync's directive, which AppSync schemas use without declaring it. */
    private static final String AWS_SUBSCRIBE = "directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION";

    private ExecutableSchema() {
    }

    /** {@code sdl}, with AppSync's {@code @aws_subscribe} declared if it uses it without declaring it. */
    static String withAppSyncDirectives(String sdl) {
        if (sdl.contains("@aws_subscribe") && !sdl.contains("directive @aws_subscribe")) {
            return sdl + "\n" + AWS_SUBSCRIBE + "\n";
        }
        return sdl;
    }

    /**
     * For each field of the {@code Subscription} type, the mutations whose results it receives, as its
     * {@code @aws_subscribe(mutations: [...])} names them (empty lists for fields without it).
     */
    static Map<String, List<String>> subscribedMutations(GraphQLSchema schema) {
        Map<String, List<String>> mutationsByField = new LinkedHashMap<>();
        GraphQLObjectType subscription = schema.getSubscriptionType();
        if (subscription == null) {
            return mutationsByField;
        }
        for (GraphQLFieldDefinition field : subscription.getFieldDefinitions()) {
            FieldDefinition definition = field.getDefinition();
            List<String> mutations = new java.util.ArrayList<>();
            if (definition != null) {
                for (Directive directive : definition.getDirectives("aws_subscribe")) {
                    if (directive.getArgument("mutations") != null
                            && directive.getArgument("mutations").getValue() instanceof ArrayValue names) {
                        names.getValues().stream()
                                .filter(StringValue.class::isInstance)
                                .map(value -> ((StringValue) value).getValue())
                                .forEach(mutations::add);
                    }
                }
            }
            mutationsByField.put(field.getName(), List.copyOf(mutations));
        }
        return mutationsByField;
    }

    /**
     * An engine that runs a subscription's selection over a published object: the schema with its
     * {@code Subscription} type as the query type, each of whose fields returns the object under
     * {@link #PUBLISHED} in the context. Empty if the schema has no subscriptions.
     */
    static Optional<GraphQL> subscriptionsAsQuery(GraphQLSchema schema) {
        GraphQLObjectType subscription = schema.getSubscriptionType();
        if (subscription == null) {
            return Optional.empty();
        }
        DataFetcher<Object> published = environment -> environment.getGraphQlContext().get(PUBLISHED);
        GraphQLCodeRegistry code = schema.getCodeRegistry().transform(builder -> subscription.getFieldDefinitions()
                .forEach(field -> builder.dataFetcher(
                        FieldCoordinates.coordinates(subscription.getName(), field.getName()), published)));
        GraphQLSchema asQuery = GraphQLSchema.newSchema(schema)
                .query(subscription)
                .mutation((GraphQLObjectType) null)
                .subscription((GraphQLObjectType) null)
                .codeRegistry(code)
                .build();
        // Every event runs the same few documents: parse and validate each once (an entry per started document).
        Map<String, CompletableFuture<PreparsedDocumentEntry>> parsed = new ConcurrentHashMap<>();
        PreparsedDocumentProvider cache = (input, parse) ->
                parsed.computeIfAbsent(input.getQuery(), query -> CompletableFuture.completedFuture(parse.apply(input)));
        return Optional.of(GraphQL.newGraphQL(asQuery).defaultDataFetcherExceptionHandler(new ResolverErrorHandler())
                .preparsedDocumentProvider(cache)
                .build());
    }

    static GraphQL build(String sdl, Map<FieldCoordinates, DataFetcher<?>> dataFetchers,
            List<Consumer<RuntimeWiring.Builder>> wiringSteps, Map<FieldCoordinates, Set<String>> requiredGroups) {
        TypeDefinitionRegistry types;
        try {
            types = new SchemaParser().parse(withAppSyncDirectives(sdl));
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
