package dev.cognitosecured.processor;

import graphql.language.OperationDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @CognitoSecured} interface as the parser read it: what the validator checks and the writer
 * turns into a client. Elements and annotations are kept so diagnostics land on the exact spot.
 *
 * @param element the interface
 * @param annotation its {@code @CognitoSecured}
 * @param refreshSkewText the skew as written
 * @param refreshSkew the skew as read, empty when it could not be read
 * @param retryOnUnauthorized the replays after HTTP 401
 * @param pool the user pool's name
 * @param token the name of the {@code TokenKind} constant
 * @param methods the abstract methods, declared and inherited, that the parser could read
 */
record ClientModel(TypeElement element, AnnotationMirror annotation, String refreshSkewText,
        Optional<Duration> refreshSkew,
        int retryOnUnauthorized, String pool, String token, List<Method> methods) {

    /**
     * An abstract method and its {@code @GraphQL} operation.
     *
     * @param element the method
     * @param label what diagnostics and the runtime call it, e.g. {@code TodoApi.getTodo}
     * @param graphQL its {@code @GraphQL}
     * @param documentSource the name of the annotation member holding the document: value or resource
     * @param document the document text
     * @param operationName the {@code operationName} given, if any
     * @param operations the operations the document defines, in order
     * @param parameters the method's parameters, in order
     * @param result what the method returns
     */
    record Method(ExecutableElement element, String label, AnnotationMirror graphQL, String documentSource, String document,
            Optional<String> operationName, List<DocumentOperation> operations, List<Parameter> parameters,
            Result result) {

        /** The operation to run: the one named by {@code operationName}, else the only one. */
        Optional<DocumentOperation> selected() {
            if (operationName.isPresent()) {
                return operations.stream().filter(op -> op.name().equals(operationName)).findFirst();
            }
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
    }

    /**
     * One operation of a document.
     *
     * @param name its name, empty for an anonymous operation
     * @param kind query, mutation or subscription
     * @param variables the variables it declares, in order
     * @param rootField the response key of its only top-level field; empty if it selects several
     * @param rootProblem for a subscription, why AppSync would refuse its root selection (not one plain
     *     field), in words that complete "the subscription of X ..."; empty when it is fine or not a subscription
     */
    record DocumentOperation(Optional<String> name, OperationDefinition.Operation kind, List<String> variables,
            Optional<String> rootField, Optional<String> rootProblem) {
    }

    /**
     * A parameter of a method.
     *
     * @param element the parameter
     * @param var its {@code @Var}, if any
     * @param variable the variable it names, if any
     */
    record Parameter(VariableElement element, Optional<AnnotationMirror> var, Optional<String> variable) {
    }

    /**
     * What a method returns.
     *
     * @param shape how the call's result is handed back
     * @param type what the result binds to ({@code Void} for {@code void}), boxed
     */
    record Result(Shape shape, TypeMirror type) {
    }

    /** How a method hands back the bound result {@code T}. */
    enum Shape {
        /** {@code T}, including {@code List<T>}: the result itself. */
        VALUE,
        /**
         * {@code int}, {@code boolean}, ...: the result itself, bound as the primitive's class
         * ({@code int.class}) so that the runtime refuses a {@code null} answer with a typed exception.
         */
        PRIMITIVE,
        /** {@code Optional<T>}: the result, empty when it is null. */
        OPTIONAL,
        /** {@code void}: nothing. */
        VOID,
        /** {@code CompletionStage<T>}: the result, when it comes. */
        ASYNC,
        /** {@code Flow.Publisher<T>}: the events of a subscription, each bound to {@code T}. */
        PUBLISHER
    }
}
