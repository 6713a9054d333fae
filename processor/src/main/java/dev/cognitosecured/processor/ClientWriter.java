package dev.cognitosecured.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import graphql.language.OperationDefinition;
import dev.cognitosecured.processor.ClientModel.DocumentOperation;
import dev.cognitosecured.processor.ClientModel.Method;
import dev.cognitosecured.processor.ClientModel.Parameter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the client of a valid {@link ClientModel}: a CDI bean implementing the interface with one
 * {@code Operation} constant and one short method per operation, and its entry in the client index
 * that the runtime's CDI extension reads.
 */
final class ClientWriter {

    /** The folder of the client index: one resource per client, named and holding its binary name. */
    static final String INDEX = "META-INF/cognito-secured/clients/";

    private static final String CLIENT = "dev.cognitosecured.runtime.client";
    private static final ClassName CALL_POLICY = ClassName.get(CLIENT, "CallPolicy");
    private static final ClassName OPERATION = ClassName.get(CLIENT, "Operation");
    private static final ClassName SECURED_CALLER = ClassName.get(CLIENT, "SecuredCaller");
    private static final ClassName AUTH_FLOW = ClassName.get("dev.cognitosecured.annotations", "AuthFlow");
    private static final ClassName GENERIC_TYPE = ClassName.get("jakarta.ws.rs.core", "GenericType");
    private static final ClassName APPLICATION_SCOPED = ClassName.get("jakarta.enterprise.context", "ApplicationScoped");
    private static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final String POLICY = "POLICY";
    private static final String CALLER = "caller";

    private final Filer filer;
    private final Types types;

    ClientWriter(Filer filer, Types types) {
        this.filer = filer;
        this.types = types;
    }

    /** The client of an interface: in its package, named {@code Outer_Inner_CognitoClient}. */
    static ClassName clientName(ClassName api) {
        return ClassName.get(api.packageName(), String.join("_", api.simpleNames()) + "_CognitoClient");
    }

    /** Writes the client's source and its index entry. */
    void write(ClientModel model) throws IOException {
        ClassName api = ClassName.get(model.element());
        ClassName client = clientName(api);
        TypeSpec.Builder type = TypeSpec.classBuilder(client)
                .addOriginatingElement(model.element())
                .avoidClashesWithNestedClasses(model.element())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", CognitoSecuredProcessor.class.getName())
                        .build())
                .addAnnotation(APPLICATION_SCOPED)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(api)
                .addField(FieldSpec.builder(CALL_POLICY, POLICY, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(policy(model))
                        .build());
        Set<String> constants = new HashSet<>(Set.of(POLICY));
        List<MethodSpec> methods = new ArrayList<>();
        for (Method method : model.methods()) {
            String constant = unique(constants, upperSnake(method.element().getSimpleName().toString()));
            type.addField(operationConstant(method, constant));
            methods.add(implementation(model, method, constant));
        }
        type.addField(SECURED_CALLER, CALLER, Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("For CDI's client proxy only.\n")
                        .addModifiers(Modifier.PROTECTED)
                        .addStatement("this.$N = null", CALLER)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addAnnotation(INJECT)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ParameterSpec.builder(SECURED_CALLER, CALLER)
                                .addAnnotation(AnnotationSpec.builder(AUTH_FLOW)
                                        .addMember("value", "$S", model.pool())
                                        .build())
                                .build())
                        .addStatement("this.$N = $N", CALLER, CALLER)
                        .build())
                .addMethods(methods);
        JavaFile.builder(client.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .writeTo(filer);
        writeIndexEntry(model, client);
    }

    /** E.g. {@code CallPolicy.accessToken().refreshSkew(Duration.ofSeconds(30)).replays(1)}. */
    private static CodeBlock policy(ClientModel model) {
        return CodeBlock.of("$T.$L()$>$>\n.refreshSkew($L)\n.replays($L)$<$<", CALL_POLICY,
                model.token().equals("ID") ? "idToken" : "accessToken",
                duration(model.refreshSkewText(), model.refreshSkew().orElseThrow()), model.retryOnUnauthorized());
    }

    /** The skew (to the millisecond, as the runtime takes it) in the unit the user wrote it in. */
    static CodeBlock duration(String text, Duration skew) {
        Duration millis = Duration.ofMillis(skew.toMillis());
        if (millis.isZero()) {
            return CodeBlock.of("$T.ZERO", Duration.class);
        }
        return switch (RefreshSkew.unit(text, millis)) {
            case HOURS -> CodeBlock.of("$T.ofHours($L)", Duration.class, millis.toHours());
            case MINUTES -> CodeBlock.of("$T.ofMinutes($L)", Duration.class, millis.toMinutes());
            case SECONDS -> CodeBlock.of("$T.ofSeconds($L)", Duration.class, millis.toSeconds());
            default -> CodeBlock.of("$T.ofMillis($L)", Duration.class, millis.toMillis());
        };
    }

    /**
     * E.g. {@code Operation.query("TodoApi.getTodo", "query Get($id: ID!) { ... }").rootField("getTodo")
     * .variables("id").policy(POLICY).returning(Todo.class)}: each part named, nothing left as {@code null}.
     */
    private FieldSpec operationConstant(Method method, String constant) {
        TypeName result = TypeName.get(method.result().type());
        DocumentOperation selected = method.selected().orElseThrow();
        CodeBlock.Builder operation = CodeBlock.builder()
                .add("$T.$L($S,$W$S)$>$>", OPERATION,
                        switch (selected.kind()) {
                            case MUTATION -> "mutation";
                            case SUBSCRIPTION -> "subscription";
                            default -> "query";
                        },
                        method.label(), method.document());
        method.operationName().ifPresent(name -> operation.add("\n.operationName($S)", name));
        selected.rootField().ifPresent(field -> operation.add("\n.rootField($S)", field));
        List<String> variables = method.parameters().stream().map(p -> p.variable().orElseThrow()).toList();
        if (!variables.isEmpty()) {
            operation.add("\n.variables($L)", variables.stream()
                    .map(variable -> CodeBlock.of("$S", variable))
                    .collect(CodeBlock.joining(", ")));
        }
        operation.add("\n.policy($N)", POLICY).add("\n$L$<$<", returning(method.result()));
        return FieldSpec.builder(ParameterizedTypeName.get(OPERATION, result), constant,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(operation.build())
                .build();
    }

    /**
     * How the result binds: nothing for {@code Void}; the class literal where the type has one, so
     * that a client brings no class of its own per operation; a {@code GenericType}, an anonymous
     * subclass that captures the type arguments, only for a parameterized type such as {@code List<Todo>};
     * the primitive's class ({@code int.class}, a {@code Class<Integer>}) for a primitive, so that the
     * runtime knows a {@code null} answer cannot be returned.
     */
    private static CodeBlock returning(ClientModel.Result returned) {
        TypeName result = TypeName.get(returned.type());
        if (returned.shape() == ClientModel.Shape.PRIMITIVE) {
            return CodeBlock.of(".returning($T.class)", result.unbox());
        }
        if (result.equals(ClassName.get(Void.class))) {
            return CodeBlock.of(".returningNothing()");
        }
        return hasClassLiteral(result)
                ? CodeBlock.of(".returning($T.class)", result)
                : CodeBlock.of(".returning(new $T() {})", ParameterizedTypeName.get(GENERIC_TYPE, result));
    }

    /** A class without type arguments ({@code Todo}, {@code Void}), or an array of such or of primitives. */
    static boolean hasClassLiteral(TypeName type) {
        if (type instanceof ArrayTypeName array) {
            return hasClassLiteral(array.componentType);
        }
        return type instanceof ClassName || type.isPrimitive();
    }

    private MethodSpec implementation(ClientModel model, Method method, String constant) {
        List<Parameter> parameters = method.parameters();
        boolean callerShadowed = parameters.stream()
                .anyMatch(p -> p.element().getSimpleName().contentEquals(CALLER));
        CodeBlock.Builder arguments = CodeBlock.builder().add("$N", constant);
        for (Parameter parameter : parameters) {
            VariableElement element = parameter.element();
            boolean misreadAsVarargs = parameters.size() == 1 && element.asType().getKind() == TypeKind.ARRAY
                    && !((ArrayType) element.asType()).getComponentType().getKind().isPrimitive();
            arguments.add(misreadAsVarargs ? ", (Object) $N" : ", $N", element.getSimpleName().toString());
        }
        String receiver = callerShadowed ? "this." + CALLER : CALLER;
        CodeBlock call = CodeBlock.of("$L.$L($L)", receiver, switch (method.result().shape()) {
            case ASYNC -> "callAsync";
            case PUBLISHER -> "subscribe";
            default -> "call";
        }, arguments.build());
        MethodSpec.Builder implementation = MethodSpec.overriding(method.element(),
                (DeclaredType) model.element().asType(), types);
        switch (method.result().shape()) {
            case VOID -> implementation.addStatement("$L", call);
            case OPTIONAL -> implementation.addStatement("return $T.ofNullable($L)", Optional.class, call);
            default -> implementation.addStatement("return $L", call);
        }
        return implementation.build();
    }

    private void writeIndexEntry(ClientModel model, ClassName client) throws IOException {
        FileObject entry = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                INDEX + client.reflectionName(), model.element());
        try (Writer out = new OutputStreamWriter(entry.openOutputStream(), StandardCharsets.UTF_8)) {
            out.write(client.reflectionName() + "\n");
        }
    }

    /** {@code getTodo} → {@code GET_TODO}, {@code getHTTPStatus} → {@code GET_HTTP_STATUS}. */
    static String upperSnake(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = camel.charAt(i - 1);
                boolean wordEnds = Character.isLowerCase(before) || Character.isDigit(before)
                        || Character.isUpperCase(before) && i + 1 < camel.length()
                                && Character.isLowerCase(camel.charAt(i + 1));
                if (wordEnds) {
                    snake.append('_');
                }
            }
            snake.append(Character.toUpperCase(c));
        }
        return snake.toString();
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
