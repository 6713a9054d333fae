package dev.cognitosecured.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports. The constant's name is the stable tag that opens the
 * message, e.g. {@code [NotAnInterface]}; each message says what is wrong and what to write instead.
 */
enum Message {
    NOT_AN_INTERFACE("NotAnInterface",
            "@CognitoSecured applies to interfaces only; declare %s as an interface"),
    GENERIC_INTERFACE("GenericInterface",
            "@CognitoSecured interface %s must not declare type parameters; remove <%s> and use concrete types"
                    + " (extending a generic interface with concrete type arguments is fine)"),
    INACCESSIBLE_INTERFACE("InaccessibleInterface",
            "%s cannot be implemented by a generated class in package %s; make it, and every type enclosing"
                    + " it, at least package-private, and declare it at top level or as a member of a type"),
    MISSING_GRAPHQL("MissingGraphQL",
            "%s has no @GraphQL; annotate it with @GraphQL(\"query ...\"), or make it a default method"),
    GENERIC_METHOD("GenericMethod",
            "%s must not declare type parameters; return a concrete type such as Todo or List<Todo>"),
    DOCUMENT_AND_RESOURCE("DocumentAndResource",
            "@GraphQL on %s gives both value and resource; keep only one of them"),
    NO_DOCUMENT("NoDocument",
            "@GraphQL on %s gives neither value nor resource; write the document inline,"
                    + " @GraphQL(\"query ...\"), or name a resource, @GraphQL(resource = \"graphql/op.graphql\")"),
    UNREADABLE_RESOURCE("UnreadableResource",
            "resource \"%s\" of %s could not be read from the class output, source path or class path;"
                    + " put it under src/main/resources/%s or correct the name (with Gradle, which compiles before"
                    + " it copies resources, also add compileOnly(files(\"src/main/resources\")))"),
    INVALID_DOCUMENT("InvalidDocument",
            "the GraphQL document of %s is not an executable document: %s"),
    AMBIGUOUS_OPERATION("AmbiguousOperation",
            "the document of %s holds %d operations (%s); choose one with operationName"),
    UNKNOWN_OPERATION("UnknownOperation",
            "the document of %s holds no operation named \"%s\"; use one of %s"),
    ANONYMOUS_OPERATION("AnonymousOperation",
            "the document of %s holds an anonymous operation next to others; give every operation a name"),
    SUBSCRIPTION_RETURN_TYPE("SubscriptionReturnType",
            "%s sends a subscription but returns %s; a subscription delivers events as they come,"
                    + " so return Flow.Publisher<T> (java.util.concurrent.Flow), e.g. Flow.Publisher<Todo>"),
    PUBLISHER_WITHOUT_SUBSCRIPTION("PublisherWithoutSubscription",
            "%s returns %s but sends a %s, which has one answer; return T, List<T>, Optional<T> or"
                    + " CompletionStage<T>, or send a subscription"),
    SUBSCRIPTION_ROOT_FIELD("SubscriptionRootField",
            "the subscription of %s %s; AppSync subscribes to exactly one root field, written out as a field"
                    + " (e.g. subscription OnAdd { onAddTodo { id } }): subscribe to each field with its own method"),
    UNBOUND_VARIABLE("UnboundVariable",
            "$%s is declared by the document of %s but no parameter is bound to it;"
                    + " add a parameter annotated @Var(\"%s\")"),
    MISSING_VAR("MissingVar",
            "parameter %s of %s is not bound to a variable; annotate it with @Var(\"name\") naming a variable"
                    + " the operation declares (%s)"),
    UNDECLARED_VARIABLE("UndeclaredVariable",
            "@Var(\"%s\") on parameter %s of %s names a variable the operation does not declare (%s);"
                    + " correct the name (without the $) or declare the variable in the operation"),
    DUPLICATE_VAR("DuplicateVar",
            "parameters %s and %s of %s are both bound to $%s; bind each variable to one parameter"),
    UNSUPPORTED_RETURN_TYPE("UnsupportedReturnType",
            "%s returns %s, which is not supported; %s"),
    UNPARSABLE_REFRESH_SKEW("UnparsableRefreshSkew",
            "refreshSkew \"%s\" is not a duration; write e.g. \"500ms\", \"30s\", \"5m\", \"1h\" or \"PT30S\""),
    NEGATIVE_REFRESH_SKEW("NegativeRefreshSkew",
            "refreshSkew \"%s\" is negative; use zero or more, e.g. \"30s\""),
    ZERO_REFRESH_SKEW(Diagnostic.Kind.WARNING, "ZeroRefreshSkew",
            "refreshSkew \"%s\" is zero, so a token may expire while a call is on its way; use e.g. \"30s\""),
    LONG_REFRESH_SKEW(Diagnostic.Kind.WARNING, "LongRefreshSkew",
            "refreshSkew \"%s\" is 5 minutes or more, the shortest access-token lifetime Cognito allows,"
                    + " so with such tokens every call would refresh; use less, e.g. \"30s\""),
    RETRY_OUT_OF_RANGE("RetryOutOfRange",
            "retryOnUnauthorized = %d is out of range; use 0 to 5 (1 is enough to answer an expired token)"),
    MISSING_SCHEMA("MissingSchema",
            "the GraphQL schema %s could not be read; %s"),
    INVALID_SCHEMA("InvalidSchema",
            "the GraphQL schema %s is not a valid schema: %s; fix the schema"),
    UNKNOWN_FIELD("UnknownField",
            "%s has no field '%s' on type %s%s"),
    UNKNOWN_ARGUMENT("UnknownArgument",
            "%s passes argument '%s' to field %s.%s, which takes %s%s"),
    VARIABLE_TYPE("VariableType",
            "parameter %s of %s is %s, which cannot be sent as $%s of GraphQL type %s; %s"),
    UNSELECTED_PROPERTY("UnselectedProperty",
            "%s returns %s, whose component '%s' is not selected (the selection has %s), so it would never"
                    + " be filled in; select '%s' in the document or remove the component"),
    SCHEMA_VIOLATION("SchemaViolation",
            "the document of %s does not fit the schema: %s"),
    UNRESOLVED_TYPE("UnresolvedType",
            "no client was generated for %s because the type %s could not be resolved;"
                    + " fix or generate that type (see the compiler's other errors)"),
    PROCESSOR_ERROR("ProcessorError",
            "unexpected error while processing %s, please report it with this stack trace: %s");

    private final Diagnostic.Kind kind;
    private final String tag;
    private final String template;

    Message(String tag, String template) {
        this(Diagnostic.Kind.ERROR, tag, template);
    }

    Message(Diagnostic.Kind kind, String tag, String template) {
        this.kind = kind;
        this.tag = tag;
        this.template = template;
    }

    Diagnostic.Kind kind() {
        return kind;
    }

    String format(Object... args) {
        return "[" + tag + "] " + String.format(template, args);
    }
}
