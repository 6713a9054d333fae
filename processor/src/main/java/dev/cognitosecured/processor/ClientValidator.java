package dev.cognitosecured.processor;

import dev.cognitosecured.processor.ClientModel.DocumentOperation;
import dev.cognitosecured.processor.ClientModel.Method;
import dev.cognitosecured.processor.ClientModel.Parameter;
import graphql.language.OperationDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks a {@code @CognitoSecured} interface: first its declaration (an accessible, non-generic
 * interface), then the model the parser read (call policy, operation choice, variable bindings).
 */
final class ClientValidator {

    private final Diagnostics diagnostics;

    ClientValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether {@code type} is an interface a client can be generated for; reports why not. */
    boolean checkDeclaration(TypeElement type, AnnotationMirror annotation) {
        if (type.getKind() != ElementKind.INTERFACE) {
            diagnostics.reportOnAnnotation(Message.NOT_AN_INTERFACE, type, annotation, type.getSimpleName());
            return false;
        }
        boolean valid = true;
        if (!type.getTypeParameters().isEmpty()) {
            String parameters = type.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", "));
            diagnostics.report(Message.GENERIC_INTERFACE, type, type.getSimpleName(), parameters);
            valid = false;
        }
        if (!accessibleFromItsPackage(type)) {
            diagnostics.report(Message.INACCESSIBLE_INTERFACE, type, type.getSimpleName(), packageOf(type));
            valid = false;
        }
        return valid;
    }

    /** Checks what the parser read. */
    void check(ClientModel model) {
        model.refreshSkew().ifPresent(skew -> checkSkew(model, skew));
        if (model.retryOnUnauthorized() < 0 || model.retryOnUnauthorized() > 5) {
            diagnostics.reportOnValue(Message.RETRY_OUT_OF_RANGE, model.element(), model.annotation(),
                    "retryOnUnauthorized", model.retryOnUnauthorized());
        }
        model.methods().forEach(this::check);
    }

    private void checkSkew(ClientModel model, Duration skew) {
        Message problem = null;
        if (skew.isNegative()) {
            problem = Message.NEGATIVE_REFRESH_SKEW;
        } else if (skew.isZero()) {
            problem = Message.ZERO_REFRESH_SKEW;
        } else if (skew.compareTo(RefreshSkew.LONG) >= 0) {
            problem = Message.LONG_REFRESH_SKEW;
        }
        if (problem != null) {
            diagnostics.reportOnValue(problem, model.element(), model.annotation(), "refreshSkew",
                    model.refreshSkewText());
        }
    }

    private void check(Method method) {
        List<DocumentOperation> operations = method.operations();
        if (operations.size() > 1 && operations.stream().anyMatch(operation -> operation.name().isEmpty())) {
            reportOnDocument(Message.ANONYMOUS_OPERATION, method, method.label());
            return;
        }
        Optional<DocumentOperation> selected = method.selected();
        if (selected.isEmpty()) {
            String names = operations.stream()
                    .map(operation -> operation.name().orElse("anonymous"))
                    .collect(Collectors.joining(", "));
            if (method.operationName().isPresent()) {
                diagnostics.reportOnValue(Message.UNKNOWN_OPERATION, method.element(), method.graphQL(),
                        "operationName", method.label(), method.operationName().get(), names);
            } else {
                reportOnDocument(Message.AMBIGUOUS_OPERATION, method, method.label(), operations.size(), names);
            }
            return;
        }
        boolean subscription = selected.get().kind() == OperationDefinition.Operation.SUBSCRIPTION;
        boolean publisher = method.result().shape() == ClientModel.Shape.PUBLISHER;
        if (subscription && !publisher) {
            diagnostics.report(Message.SUBSCRIPTION_RETURN_TYPE, method.element(), method.label(),
                    method.element().getReturnType());
            return;
        }
        if (publisher && !subscription) {
            diagnostics.report(Message.PUBLISHER_WITHOUT_SUBSCRIPTION, method.element(), method.label(),
                    method.element().getReturnType(), selected.get().kind().name().toLowerCase(Locale.ROOT));
            return;
        }
        if (selected.get().rootProblem().isPresent()) {
            reportOnDocument(Message.SUBSCRIPTION_ROOT_FIELD, method, method.label(), selected.get().rootProblem().get());
            return;
        }
        checkVariables(method, selected.get());
    }

    /** Each parameter bound to one declared variable, each variable to one parameter. */
    private void checkVariables(Method method, DocumentOperation operation) {
        String declared = operation.variables().isEmpty()
                ? "it declares none"
                : operation.variables().stream().map(name -> "$" + name).collect(Collectors.joining(", "));
        Map<String, Parameter> bound = new HashMap<>();
        for (Parameter parameter : method.parameters()) {
            String name = parameter.element().getSimpleName().toString();
            if (parameter.variable().isEmpty()) {
                diagnostics.report(Message.MISSING_VAR, parameter.element(), name, method.label(), declared);
                continue;
            }
            String variable = parameter.variable().get();
            AnnotationMirror var = parameter.var().orElseThrow();
            if (!operation.variables().contains(variable)) {
                diagnostics.reportOnValue(Message.UNDECLARED_VARIABLE, parameter.element(), var, "value",
                        variable, name, method.label(), declared);
                continue;
            }
            Parameter first = bound.putIfAbsent(variable, parameter);
            if (first != null) {
                diagnostics.reportOnValue(Message.DUPLICATE_VAR, parameter.element(), var, "value",
                        first.element().getSimpleName(), name, method.label(), variable);
            }
        }
        for (String variable : operation.variables()) {
            if (!bound.containsKey(variable)) {
                reportOnDocument(Message.UNBOUND_VARIABLE, method, variable, method.label(), variable);
            }
        }
    }

    private void reportOnDocument(Message message, Method method, Object... args) {
        diagnostics.reportOnValue(message, method.element(), method.graphQL(), method.documentSource(), args);
    }

    private static boolean accessibleFromItsPackage(TypeElement type) {
        for (Element element = type; !(element instanceof PackageElement); element = element.getEnclosingElement()) {
            boolean member = element instanceof TypeElement nested
                    && (nested.getNestingKind() == NestingKind.TOP_LEVEL
                            || nested.getNestingKind() == NestingKind.MEMBER);
            if (!member || element.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    private static String packageOf(TypeElement type) {
        Element element = type;
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        PackageElement pkg = (PackageElement) element;
        return pkg.isUnnamed() ? "(the unnamed package)" : pkg.getQualifiedName().toString();
    }
}
