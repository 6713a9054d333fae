package dev.cognitosecured.processor;

import dev.cognitosecured.processor.ClientModel.Method;
import dev.cognitosecured.processor.ClientModel.Parameter;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the documents of a {@code @CognitoSecured} interface against a GraphQL schema: fields and
 * arguments the schema lacks, everything else graphql-java's validator finds, variables whose
 * parameter's Java type cannot be sent as the variable's GraphQL type, and record components of the
 * return type that the selection does not provide.
 *
 * <p>It is conservative: it reports only what fails for every value. Java types assume JSON-B's
 * default mapping, so a type that carries any JSON-B annotation, and any type it cannot classify
 * (a class, {@code Object}, a custom scalar's counterpart), is not checked.
 */
final class SchemaChecker {

    /** How JSON-B writes a Java type by default, as far as the check needs to know. */
    private enum JsonShape { STRING, INTEGRAL, DECIMAL, BOOLEAN, ENUM, LIST, MAP, RECORD, OPTIONAL, UNKNOWN }

    private final Elements elements;
    private final Types types;
    private final Diagnostics diagnostics;

    SchemaChecker(Elements elements, Types types, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** Checks every method of the model, whose documents the validator already accepted. */
    void check(ClientModel model, GraphQLSchema schema) {
        for (Method method : model.methods()) {
            check(method, schema);
        }
    }

    private void check(Method method, GraphQLSchema schema) {
        Document document = Parser.parse(method.document());
        int before = diagnostics.errorCount();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
                if (schema.getType(fragment.getTypeCondition().getName()) instanceof GraphQLCompositeType type) {
                    checkSelections(method, schema, type, fragment.getSelectionSet());
                }
            } else if (definition instanceof OperationDefinition operation) {
                rootType(schema, operation)
                        .ifPresent(root -> checkSelections(method, schema, root, operation.getSelectionSet()));
            }
        }
        for (ValidationError error : new Validator().validateDocument(schema, document, Locale.ENGLISH)) {
            if (error.getValidationErrorType() != ValidationErrorType.FieldUndefined
                    && error.getValidationErrorType() != ValidationErrorType.UnknownArgument) {
                reportOnDocument(Message.SCHEMA_VIOLATION, method, method.label(), error.getMessage());
            }
        }
        if (diagnostics.errorCount() != before) {
            return;
        }
        Optional<OperationDefinition> selected = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> method.operationName().isEmpty()
                        || method.operationName().get().equals(operation.getName()))
                .findFirst();
        selected.ifPresent(operation -> {
            checkVariables(method, schema, operation);
            checkResult(method, schema, operation, fragments);
        });
    }

    private static Optional<GraphQLFieldsContainer> rootType(GraphQLSchema schema, OperationDefinition operation) {
        return Optional.ofNullable(switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        });
    }

    // ---- fields and arguments

    private void checkSelections(Method method, GraphQLSchema schema, GraphQLCompositeType parent,
            SelectionSet selectionSet) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                checkField(method, schema, parent, field);
            } else if (selection instanceof InlineFragment fragment) {
                GraphQLType type = fragment.getTypeCondition() == null
                        ? parent
                        : schema.getType(fragment.getTypeCondition().getName());
                if (type instanceof GraphQLCompositeType composite) {
                    checkSelections(method, schema, composite, fragment.getSelectionSet());
                }
            }
        }
    }

    private void checkField(Method method, GraphQLSchema schema, GraphQLCompositeType parent, Field field) {
        if (field.getName().startsWith("__")) {
            return;
        }
        if (!(parent instanceof GraphQLFieldsContainer container)) {
            reportOnDocument(Message.UNKNOWN_FIELD, method, method.label(), field.getName(), parent.getName(),
                    "; " + parent.getName() + " is a union, so select its members' fields in '... on Member { }'"
                            + at(field.getSourceLocation()));
            return;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            List<String> known = container.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList();
            reportOnDocument(Message.UNKNOWN_FIELD, method, method.label(), field.getName(), container.getName(),
                    hint(field.getName(), known, "its fields are") + at(field.getSourceLocation()));
            return;
        }
        for (Argument argument : field.getArguments()) {
            if (definition.getArgument(argument.getName()) == null) {
                List<String> known = definition.getArguments().stream().map(GraphQLArgument::getName).toList();
                String takes = known.isEmpty() ? "no arguments" : String.join(", ", known);
                reportOnDocument(Message.UNKNOWN_ARGUMENT, method, method.label(), argument.getName(),
                        container.getName(), field.getName(), takes,
                        hint(argument.getName(), known, null) + at(argument.getSourceLocation()));
            }
        }
        if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType composite) {
            checkSelections(method, schema, composite, field.getSelectionSet());
        }
    }

    /** "; did you mean 'title'?" when a known name is close, else the known names. */
    private static String hint(String name, List<String> known, String listIntro) {
        Optional<String> closest = known.stream()
                .filter(candidate -> distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))
                        <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(candidate -> distance(name, candidate)));
        if (closest.isPresent()) {
            return "; did you mean '" + closest.get() + "'?";
        }
        return listIntro == null ? "" : "; " + listIntro + " " + String.join(", ", known);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String at(SourceLocation location) {
        return location == null
                ? ""
                : " (document line " + location.getLine() + ", column " + location.getColumn() + ")";
    }

    // ---- variables against parameters

    private void checkVariables(Method method, GraphQLSchema schema, OperationDefinition operation) {
        Map<String, Parameter> byVariable = new HashMap<>();
        method.parameters().forEach(parameter -> parameter.variable()
                .ifPresent(variable -> byVariable.put(variable, parameter)));
        operation.getVariableDefinitions().forEach(definition -> {
            Parameter parameter = byVariable.get(definition.getName());
            Optional<GraphQLType> type = schemaType(schema, definition.getType());
            if (parameter == null || type.isEmpty()) {
                return;
            }
            TypeMirror java = parameter.element().asType();
            fit(java, type.get()).ifPresent(problem -> diagnostics.report(Message.VARIABLE_TYPE,
                    parameter.element(), parameter.element().getSimpleName(), method.label(), java,
                    definition.getName(), AstPrinter.printAst(definition.getType()), problem));
        });
    }

    private static Optional<GraphQLType> schemaType(GraphQLSchema schema, graphql.language.Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return schemaType(schema, nonNull.getType()).map(GraphQLNonNull::nonNull);
        }
        if (type instanceof ListType list) {
            return schemaType(schema, list.getType()).map(GraphQLList::list);
        }
        return Optional.ofNullable(schema.getType(((TypeName) type).getName()));
    }

    /** Why a value of Java type {@code java} can never be sent as GraphQL input type {@code graphQL}, if so. */
    private Optional<String> fit(TypeMirror java, GraphQLType graphQL) {
        JsonShape shape = shape(java);
        if (shape == JsonShape.UNKNOWN) {
            return Optional.empty();
        }
        if (shape == JsonShape.OPTIONAL) {
            return typeArgument(java).flatMap(inner -> fit(inner, graphQL));
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(graphQL);
        if (type instanceof GraphQLList list) {
            if (shape == JsonShape.LIST) {
                return element(java).flatMap(element -> fit(element, list.getWrappedType()));
            }
            return fit(java, list.getWrappedType());
        }
        if (shape == JsonShape.LIST) {
            return Optional.of("a list is sent as a JSON array; use a single value, or declare a list type such as ["
                    + GraphQLTypeUtil.simplePrint(type) + "]");
        }
        if (type instanceof GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "String" -> expect(shape, "use String (or a Java enum)", JsonShape.STRING, JsonShape.ENUM);
                case "ID" -> expect(shape, "use String (or an integral number)", JsonShape.STRING, JsonShape.ENUM,
                        JsonShape.INTEGRAL);
                case "Int" -> expect(shape, "use int, Integer or long", JsonShape.INTEGRAL, JsonShape.DECIMAL);
                case "Float" -> expect(shape, "use double or Double", JsonShape.DECIMAL, JsonShape.INTEGRAL);
                case "Boolean" -> expect(shape, "use boolean or Boolean", JsonShape.BOOLEAN);
                default -> Optional.empty();
            };
        }
        if (type instanceof GraphQLEnumType) {
            return expect(shape, "use a Java enum or String", JsonShape.ENUM, JsonShape.STRING);
        }
        if (type instanceof GraphQLInputObjectType input) {
            if (shape == JsonShape.RECORD) {
                return fitRecord((TypeElement) types.asElement(java), input);
            }
            return expect(shape, "use a record with the fields of " + input.getName(), JsonShape.MAP);
        }
        return Optional.empty();
    }

    private static Optional<String> expect(JsonShape shape, String advice, JsonShape... fitting) {
        for (JsonShape candidate : fitting) {
            if (candidate == shape) {
                return Optional.empty();
            }
        }
        return Optional.of(advice);
    }

    private Optional<String> fitRecord(TypeElement record, GraphQLInputObjectType input) {
        Map<String, RecordComponentElement> components = components(record);
        for (String name : components.keySet()) {
            if (input.getField(name) == null) {
                List<String> known = input.getFields().stream().map(GraphQLInputObjectField::getName).toList();
                return Optional.of("its component '" + name + "' is not a field of input type " + input.getName()
                        + hint(name, known, "whose fields are"));
            }
        }
        for (GraphQLInputObjectField field : input.getFields()) {
            RecordComponentElement component = components.get(field.getName());
            if (component == null) {
                if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    return Optional.of(input.getName() + " requires field '" + field.getName() + "', which "
                            + record.getSimpleName() + " lacks; add the component");
                }
                continue;
            }
            Optional<String> problem = fit(component.asType(), field.getType());
            if (problem.isPresent()) {
                return Optional.of("its component '" + field.getName() + "' (" + component.asType()
                        + ") does not fit " + GraphQLTypeUtil.simplePrint(field.getType()) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    // ---- return type against the selection

    private void checkResult(Method method, GraphQLSchema schema, OperationDefinition operation,
            Map<String, FragmentDefinition> fragments) {
        Optional<GraphQLFieldsContainer> root = rootType(schema, operation);
        if (root.isEmpty()) {
            return;
        }
        List<?> selections = operation.getSelectionSet().getSelections();
        if (selections.size() == 1 && selections.get(0) instanceof Field field) {
            GraphQLFieldDefinition definition = root.get().getFieldDefinition(field.getName());
            if (definition != null) {
                checkResult(method, method.result().type(), definition.getType(), field.getSelectionSet(), fragments);
            }
        } else {
            checkResult(method, method.result().type(), root.get(), operation.getSelectionSet(), fragments);
        }
    }

    private void checkResult(Method method, TypeMirror java, GraphQLType graphQL, SelectionSet selectionSet,
            Map<String, FragmentDefinition> fragments) {
        JsonShape shape = shape(java);
        if (shape == JsonShape.OPTIONAL) {
            typeArgument(java).ifPresent(inner -> checkResult(method, inner, graphQL, selectionSet, fragments));
            return;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(graphQL);
        if (type instanceof GraphQLList list) {
            if (shape == JsonShape.LIST) {
                element(java).ifPresent(element -> checkResult(method, element, list.getWrappedType(), selectionSet,
                        fragments));
            }
            return;
        }
        if (shape != JsonShape.RECORD || selectionSet == null || !(type instanceof GraphQLFieldsContainer container)) {
            return;
        }
        TypeElement record = (TypeElement) types.asElement(java);
        Map<String, Field> selected = new LinkedHashMap<>();
        collectFields(selectionSet, fragments, selected, new HashSet<>());
        for (Map.Entry<String, RecordComponentElement> component : components(record).entrySet()) {
            Field field = selected.get(component.getKey());
            if (field == null) {
                reportOnDocument(Message.UNSELECTED_PROPERTY, method, method.label(), record.getSimpleName(),
                        component.getKey(), selected.isEmpty() ? "nothing" : String.join(", ", selected.keySet()),
                        component.getKey());
                continue;
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition != null) {
                checkResult(method, component.getValue().asType(), definition.getType(), field.getSelectionSet(),
                        fragments);
            }
        }
    }

    /** The fields a selection set provides, by response key, fragments included. */
    private static void collectFields(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments,
            Map<String, Field> fields, Set<String> visited) {
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                fields.putIfAbsent(field.getResultKey(), field);
            } else if (selection instanceof InlineFragment inline) {
                collectFields(inline.getSelectionSet(), fragments, fields, visited);
            } else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collectFields(fragments.get(spread.getName()).getSelectionSet(), fragments, fields, visited);
            }
        }
    }

    // ---- Java types as JSON-B writes them

    private JsonShape shape(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return switch (type.getKind()) {
                case BOOLEAN -> JsonShape.BOOLEAN;
                case CHAR -> JsonShape.STRING;
                case FLOAT, DOUBLE -> JsonShape.DECIMAL;
                default -> JsonShape.INTEGRAL;
            };
        }
        if (type.getKind() == TypeKind.ARRAY) {
            boolean bytes = ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
            return bytes ? JsonShape.UNKNOWN : JsonShape.LIST;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return JsonShape.UNKNOWN;
        }
        TypeElement element = (TypeElement) types.asElement(type);
        switch (element.getQualifiedName().toString()) {
            case "java.lang.String", "java.lang.Character":
                return JsonShape.STRING;
            case "java.lang.Boolean":
                return JsonShape.BOOLEAN;
            case "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger":
                return JsonShape.INTEGRAL;
            case "java.lang.Float", "java.lang.Double", "java.math.BigDecimal":
                return JsonShape.DECIMAL;
            case "java.util.Optional":
                return JsonShape.OPTIONAL;
            default:
                break;
        }
        if (isSubtype(type, Collection.class)) {
            return JsonShape.LIST;
        }
        if (isSubtype(type, Map.class)) {
            return JsonShape.MAP;
        }
        if (hasJsonbAnnotation(element)) {
            return JsonShape.UNKNOWN;
        }
        if (element.getKind() == ElementKind.ENUM) {
            return JsonShape.ENUM;
        }
        return element.getKind() == ElementKind.RECORD ? JsonShape.RECORD : JsonShape.UNKNOWN;
    }

    private Optional<TypeMirror> typeArgument(TypeMirror type) {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.size() == 1 ? Optional.of(arguments.get(0)) : Optional.empty();
    }

    /** The element type of an array or of a {@code List<E>}-like collection, when it can be told. */
    private Optional<TypeMirror> element(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return Optional.of(((ArrayType) type).getComponentType());
        }
        TypeElement element = (TypeElement) types.asElement(type);
        String name = element.getQualifiedName().toString();
        if (name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection")) {
            return typeArgument(type);
        }
        return Optional.empty();
    }

    private Map<String, RecordComponentElement> components(TypeElement record) {
        Map<String, RecordComponentElement> components = new LinkedHashMap<>();
        for (RecordComponentElement component : ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
            components.put(component.getSimpleName().toString(), component);
        }
        return components;
    }

    /** Whether JSON-B annotations may change how the type is written or read. */
    private static boolean hasJsonbAnnotation(TypeElement type) {
        if (jsonb(type)) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (jsonb(member)) {
                return true;
            }
            if (member instanceof ExecutableElement executable
                    && executable.getParameters().stream().anyMatch(SchemaChecker::jsonb)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jsonb(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            String name = ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.startsWith("jakarta.json.bind.") || name.startsWith("javax.json.bind.")) {
                return true;
            }
        }
        return false;
    }

    private boolean isSubtype(TypeMirror type, Class<?> expected) {
        TypeElement element = elements.getTypeElement(expected.getName());
        return element != null && types.isSubtype(types.erasure(type), types.erasure(element.asType()));
    }

    private void reportOnDocument(Message message, Method method, Object... args) {
        diagnostics.reportOnValue(message, method.element(), method.graphQL(), method.documentSource(), args);
    }
}
