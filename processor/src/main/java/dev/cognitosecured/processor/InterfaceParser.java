package dev.cognitosecured.processor;

import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import dev.cognitosecured.processor.ClientModel.DocumentOperation;
import dev.cognitosecured.processor.ClientModel.Method;
import dev.cognitosecured.processor.ClientModel.Parameter;
import dev.cognitosecured.processor.ClientModel.Result;
import dev.cognitosecured.processor.ClientModel.Shape;
import com.squareup.javapoet.ClassName;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import java.util.concurrent.Future;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @CognitoSecured} interface into a {@link ClientModel}: its annotation, its abstract
 * methods (declared and inherited), their documents and return types. It reports what keeps it from
 * reading a method; such methods are left out of the model.
 */
final class InterfaceParser {

    private static final String SUPPORTED = "return T, List<T>, Optional<T>, void or CompletionStage<T>"
            + " (Flow.Publisher<T> for a subscription)";

    private final Elements elements;
    private final Types types;
    private final Resources resources;
    private final Diagnostics diagnostics;

    InterfaceParser(Elements elements, Types types, Filer filer, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.resources = new Resources(filer);
        this.diagnostics = diagnostics;
    }

    /** The {@code @CognitoSecured} of a type that carries it. */
    static AnnotationMirror cognitoSecured(TypeElement type) {
        return annotation(type, CognitoSecured.class.getCanonicalName()).orElseThrow();
    }

    /** A type in the interface's signatures that the compiler could not resolve (yet), if any. */
    Optional<TypeMirror> unresolvedType(TypeElement type) {
        for (TypeMirror superInterface : type.getInterfaces()) {
            Optional<TypeMirror> unresolved = unresolved(superInterface);
            if (unresolved.isPresent()) {
                return unresolved;
            }
        }
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            List<TypeMirror> signature = new ArrayList<>(method.getThrownTypes());
            signature.add(method.getReturnType());
            method.getParameters().forEach(parameter -> signature.add(parameter.asType()));
            for (TypeMirror part : signature) {
                Optional<TypeMirror> unresolved = unresolved(part);
                if (unresolved.isPresent()) {
                    return unresolved;
                }
            }
        }
        return Optional.empty();
    }

    /** The model of an interface that {@link ClientValidator#checkDeclaration} accepted. */
    ClientModel parse(TypeElement type, AnnotationMirror annotation) {
        String skewText = (String) value(annotation, "refreshSkew");
        Optional<Duration> skew = RefreshSkew.parse(skewText);
        if (skew.isEmpty()) {
            diagnostics.reportOnValue(Message.UNPARSABLE_REFRESH_SKEW, type, annotation, "refreshSkew", skewText);
        }
        List<Method> methods = new ArrayList<>();
        for (ExecutableElement method : abstractMethods(type)) {
            method(type, method).ifPresent(methods::add);
        }
        return new ClientModel(type, annotation, skewText, skew,
                (Integer) value(annotation, "retryOnUnauthorized"),
                (String) value(annotation, "pool"),
                ((VariableElement) value(annotation, "token")).getSimpleName().toString(),
                List.copyOf(methods));
    }

    /**
     * The methods the client must implement: abstract, not {@code Object}'s, declared in the interface
     * (in order) or inherited (depth first), each signature once.
     */
    private List<ExecutableElement> abstractMethods(TypeElement type) {
        Set<ExecutableElement> members = new HashSet<>(ElementFilter.methodsIn(elements.getAllMembers(type)));
        List<ExecutableElement> methods = new ArrayList<>();
        collectAbstractMethods(type, type, members, methods, new HashSet<>());
        return methods;
    }

    private void collectAbstractMethods(TypeElement root, TypeElement type, Set<ExecutableElement> members,
            List<ExecutableElement> methods, Set<TypeElement> visited) {
        if (!visited.add(type)) {
            return;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (members.contains(method) && method.getModifiers().contains(Modifier.ABSTRACT)
                    && !isObjectMethod(root, method)
                    && methods.stream().noneMatch(known -> sameSignature(root, known, method))) {
                methods.add(method);
            }
        }
        for (TypeMirror superInterface : type.getInterfaces()) {
            collectAbstractMethods(root, (TypeElement) types.asElement(superInterface), members, methods, visited);
        }
    }

    /** An abstract redeclaration of a public method of {@code Object}, e.g. {@code String toString()}. */
    private boolean isObjectMethod(TypeElement root, ExecutableElement method) {
        TypeElement object = elements.getTypeElement(Object.class.getName());
        return ElementFilter.methodsIn(object.getEnclosedElements()).stream()
                .filter(candidate -> candidate.getModifiers().contains(Modifier.PUBLIC))
                .anyMatch(candidate -> candidate.getSimpleName().equals(method.getSimpleName())
                        && types.isSubsignature(signature(root, method), (ExecutableType) candidate.asType()));
    }

    private boolean sameSignature(TypeElement root, ExecutableElement one, ExecutableElement other) {
        return one.getSimpleName().equals(other.getSimpleName())
                && types.isSubsignature(signature(root, one), signature(root, other));
    }

    private ExecutableType signature(TypeElement root, ExecutableElement method) {
        return (ExecutableType) types.asMemberOf((DeclaredType) root.asType(), method);
    }

    private Optional<Method> method(TypeElement type, ExecutableElement method) {
        String label = String.join(".", ClassName.get(type).simpleNames()) + "." + method.getSimpleName();
        Optional<AnnotationMirror> graphQL = annotation(method, GraphQL.class.getCanonicalName());
        if (graphQL.isEmpty()) {
            diagnostics.report(Message.MISSING_GRAPHQL, method, label);
            return Optional.empty();
        }
        if (!method.getTypeParameters().isEmpty()) {
            diagnostics.report(Message.GENERIC_METHOD, method, label);
            return Optional.empty();
        }
        Optional<Result> result = result(method, signature(type, method).getReturnType(), label);
        Optional<String> source = documentSource(method, graphQL.get(), label);
        Optional<String> document = source.flatMap(member -> document(method, graphQL.get(), member, label));
        Optional<List<DocumentOperation>> operations = document.flatMap(
                text -> operations(method, graphQL.get(), source.get(), text, label));
        if (result.isEmpty() || operations.isEmpty()) {
            return Optional.empty();
        }
        String operationName = (String) value(graphQL.get(), "operationName");
        List<Parameter> parameters = method.getParameters().stream().map(parameter -> {
            Optional<AnnotationMirror> var = annotation(parameter, Var.class.getCanonicalName());
            return new Parameter(parameter, var, var.map(mirror -> (String) value(mirror, "value")));
        }).toList();
        return Optional.of(new Method(method, label, graphQL.get(), source.get(), document.get(),
                Optional.of(operationName).filter(name -> !name.isEmpty()), operations.get(), parameters,
                result.get()));
    }

    /** What the method returns, or empty (reported) if the client cannot return it. */
    private Optional<Result> result(ExecutableElement method, TypeMirror returned, String label) {
        if (returned.getKind() == TypeKind.VOID) {
            return Optional.of(new Result(Shape.VOID, elements.getTypeElement(Void.class.getName()).asType()));
        }
        if (returned.getKind().isPrimitive()) {
            return Optional.of(new Result(Shape.PRIMITIVE, types.boxedClass((PrimitiveType) returned).asType()));
        }
        Shape shape = Shape.VALUE;
        TypeMirror bound = returned;
        if (isType(returned, Optional.class) || isType(returned, CompletionStage.class)
                || isType(returned, Flow.Publisher.class)) {
            List<? extends TypeMirror> arguments = ((DeclaredType) returned).getTypeArguments();
            if (!arguments.isEmpty()) {
                shape = isType(returned, Optional.class) ? Shape.OPTIONAL
                        : isType(returned, Flow.Publisher.class) ? Shape.PUBLISHER : Shape.ASYNC;
                bound = arguments.get(0);
            }
        }
        Optional<String> problem = problem(bound);
        if (problem.isPresent()) {
            diagnostics.report(Message.UNSUPPORTED_RETURN_TYPE, method, label, returned, problem.get());
            return Optional.empty();
        }
        return Optional.of(new Result(shape, bound));
    }

    /** Why the client cannot bind a result to {@code type}, if it cannot. */
    private Optional<String> problem(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.ARRAY) {
            return Optional.of(SUPPORTED);
        }
        Optional<String> structural = structuralProblem(type);
        if (structural.isPresent() || type.getKind() == TypeKind.ARRAY) {
            return structural;
        }
        if (isSubtype(type, Future.class) || isSubtype(type, CompletionStage.class)) {
            return Optional.of("return CompletionStage<T> instead, e.g. CompletionStage<Todo>");
        }
        if (isSubtype(type, Map.class)) {
            return Optional.of("return a class or record the result binds to, e.g. Todo or List<Todo>");
        }
        if (isType(type, Optional.class) || isSubtype(type, Flow.Publisher.class)) {
            return Optional.of(SUPPORTED);
        }
        return Optional.empty();
    }

    /** Raw types, wildcards and type variables anywhere in {@code type}. */
    private Optional<String> structuralProblem(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return structuralProblem(((ArrayType) type).getComponentType());
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                if (declared.getTypeArguments().isEmpty()
                        && !((TypeElement) declared.asElement()).getTypeParameters().isEmpty()) {
                    return Optional.of("give its type arguments, e.g. List<Todo>");
                }
                for (TypeMirror argument : declared.getTypeArguments()) {
                    Optional<String> problem = structuralProblem(argument);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
                return Optional.empty();
            case WILDCARD:
                return Optional.of("use concrete type arguments instead of wildcards, e.g. List<Todo>");
            default:
                return type.getKind().isPrimitive() ? Optional.empty() : Optional.of(SUPPORTED);
        }
    }

    /** Which member holds the document, {@code value} or {@code resource}; empty (reported) if not one. */
    private Optional<String> documentSource(ExecutableElement method, AnnotationMirror graphQL, String label) {
        boolean inline = !((String) value(graphQL, "value")).isEmpty();
        boolean resource = !((String) value(graphQL, "resource")).isEmpty();
        if (inline && resource) {
            diagnostics.reportOnValue(Message.DOCUMENT_AND_RESOURCE, method, graphQL, "resource", label);
            return Optional.empty();
        }
        if (!inline && !resource) {
            diagnostics.reportOnAnnotation(Message.NO_DOCUMENT, method, graphQL, label);
            return Optional.empty();
        }
        return Optional.of(inline ? "value" : "resource");
    }

    private Optional<String> document(ExecutableElement method, AnnotationMirror graphQL, String member,
            String label) {
        String written = (String) value(graphQL, member);
        if (member.equals("value")) {
            return Optional.of(written);
        }
        String name = written.startsWith("/") ? written.substring(1) : written;
        Optional<String> text = resources.read(name);
        if (text.isPresent()) {
            return text;
        }
        diagnostics.reportOnValue(Message.UNREADABLE_RESOURCE, method, graphQL, "resource", written, label, name);
        return Optional.empty();
    }

    /** The operations of a document, or empty (reported) if it is not an executable GraphQL document. */
    private Optional<List<DocumentOperation>> operations(ExecutableElement method, AnnotationMirror graphQL,
            String source, String text, String label) {
        Document document;
        try {
            document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            diagnostics.reportOnValue(Message.INVALID_DOCUMENT, method, graphQL, source, label, syntaxError(e));
            return Optional.empty();
        }
        List<DocumentOperation> operations = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                operations.add(operation(operation));
            } else if (!(definition instanceof FragmentDefinition)) {
                diagnostics.reportOnValue(Message.INVALID_DOCUMENT, method, graphQL, source, label,
                        "it holds a type system definition (" + definition.getClass().getSimpleName() + ")"
                                + at(definition.getSourceLocation())
                                + "; only operations and fragments may be sent, so remove it");
                return Optional.empty();
            }
        }
        if (operations.isEmpty()) {
            diagnostics.reportOnValue(Message.INVALID_DOCUMENT, method, graphQL, source, label,
                    "it holds no operation; write a query, a mutation or a subscription");
            return Optional.empty();
        }
        return Optional.of(List.copyOf(operations));
    }

    private static String syntaxError(InvalidSyntaxException e) {
        if (e.getLocation() == null) {
            return e.getMessage();
        }
        return "syntax error" + at(e.getLocation()) + ", unexpected " + e.getOffendingToken()
                + "; fix the document";
    }

    private static String at(SourceLocation location) {
        return location == null ? "" : " at line " + location.getLine() + ", column " + location.getColumn();
    }

    private static DocumentOperation operation(OperationDefinition operation) {
        List<String> variables = operation.getVariableDefinitions().stream()
                .map(VariableDefinition::getName)
                .toList();
        List<?> selections = operation.getSelectionSet().getSelections();
        Optional<String> rootField = selections.size() == 1 && selections.get(0) instanceof Field field
                ? Optional.of(field.getResultKey())
                : Optional.empty();
        Optional<String> rootProblem = operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                ? subscriptionRootProblem(selections) : Optional.empty();
        return new DocumentOperation(Optional.ofNullable(operation.getName()), operation.getOperation(), variables,
                rootField, rootProblem);
    }

    /**
     * Why AppSync would refuse the root selection of a subscription: it must be exactly one field
     * (GraphQL's "single root field" rule, which AppSync applies per subscription), written out rather
     * than spread from a fragment, not an introspection field, and without {@code @skip}/{@code @include}
     * (which the rule forbids at the root).
     */
    private static Optional<String> subscriptionRootProblem(List<?> selections) {
        for (Object selection : selections) {
            if (selection instanceof FragmentSpread || selection instanceof InlineFragment) {
                return Optional.of("selects a fragment at its root");
            }
        }
        if (selections.size() != 1) {
            String names = selections.stream().map(selection -> ((Field) selection).getResultKey())
                    .collect(Collectors.joining(", "));
            return Optional.of("selects " + selections.size() + " root fields (" + names + ")");
        }
        Field field = (Field) selections.get(0);
        if (field.getName().startsWith("__")) {
            return Optional.of("selects the introspection field " + field.getName());
        }
        for (Directive directive : field.getDirectives()) {
            if (directive.getName().equals("skip") || directive.getName().equals("include")) {
                return Optional.of("puts @" + directive.getName() + " on its root field, so it may select none");
            }
        }
        return Optional.empty();
    }

    private Optional<TypeMirror> unresolved(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return Optional.of(type);
            case ARRAY:
                return unresolved(((ArrayType) type).getComponentType());
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                return Optional.ofNullable(wildcard.getExtendsBound() != null
                        ? wildcard.getExtendsBound() : wildcard.getSuperBound()).flatMap(this::unresolved);
            case DECLARED:
                for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                    Optional<TypeMirror> unresolved = unresolved(argument);
                    if (unresolved.isPresent()) {
                        return unresolved;
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private boolean isType(TypeMirror type, Class<?> expected) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(expected.getCanonicalName());
    }

    private boolean isSubtype(TypeMirror type, Class<?> expected) {
        TypeElement element = elements.getTypeElement(expected.getCanonicalName());
        return types.isSubtype(types.erasure(type), types.erasure(element.asType()));
    }

    private Object value(AnnotationMirror annotation, String member) {
        for (var entry : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                AnnotationValue value = entry.getValue();
                return value.getValue();
            }
        }
        throw new IllegalArgumentException("no member " + member + " in " + annotation);
    }

    private static Optional<AnnotationMirror> annotation(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }
}
