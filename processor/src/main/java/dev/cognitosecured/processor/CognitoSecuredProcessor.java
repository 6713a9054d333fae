package dev.cognitosecured.processor;

import com.google.auto.service.AutoService;
import dev.cognitosecured.annotations.CognitoSecured;
import dev.cognitosecured.annotations.GraphQL;
import dev.cognitosecured.annotations.Var;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Generates a CDI client for every interface annotated with {@link CognitoSecured}, and checks it
 * at compile time.
 *
 * <p>For {@code com.example.TodoApi} it writes {@code com.example.TodoApi_CognitoClient} (nested
 * interfaces: {@code Outer_TodoApi_CognitoClient}), an {@code @ApplicationScoped} bean implementing
 * the interface: each {@link GraphQL} method sends its operation, with its {@link Var} parameters as
 * variables, through the {@code SecuredCaller} of the interface's user pool. It also writes the
 * resource {@code META-INF/cognito-secured/clients/<client binary name>}, which the runtime's CDI
 * extension reads to find the clients.
 *
 * <p>Every misuse is a compile error on the element or annotation value at fault, opening with a
 * stable tag such as {@code [NotAnInterface]}; an interface with errors gets no client. An interface
 * whose signatures use types that are not generated yet is put off to a later round.
 *
 * <p>When a GraphQL schema is given, by {@code @CognitoSecured(schema = "graphql/schema.graphqls")}
 * (a resource) or by the option {@code -Acognito.schema=<file>}, every document is also checked
 * against it: unknown fields and arguments, variables whose parameter's Java type does not fit, and
 * record components the selection does not provide are compile errors.
 *
 * <p>Put the processor on the compiler's annotation processor path only; applications never need it
 * at run time. It is isolating for Gradle's incremental compilation.
 */
@AutoService(Processor.class)
public final class CognitoSecuredProcessor extends AbstractProcessor {

    /** Interfaces put off to a later round, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private Diagnostics diagnostics;
    private InterfaceParser parser;
    private ClientValidator validator;
    private SchemaSource schemas;
    private SchemaChecker schemaChecker;
    private ClientWriter writer;

    /** Created by the compiler through the service loader. */
    public CognitoSecuredProcessor() {
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        super.init(environment);
        diagnostics = new Diagnostics(environment.getMessager());
        parser = new InterfaceParser(environment.getElementUtils(), environment.getTypeUtils(),
                environment.getFiler(), diagnostics);
        validator = new ClientValidator(diagnostics);
        schemas = new SchemaSource(environment.getElementUtils(), new Resources(environment.getFiler()),
                Optional.ofNullable(environment.getOptions().get(SchemaSource.OPTION)), diagnostics);
        schemaChecker = new SchemaChecker(environment.getElementUtils(), environment.getTypeUtils(), diagnostics);
        writer = new ClientWriter(environment.getFiler(), environment.getTypeUtils());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(CognitoSecured.class.getCanonicalName(), GraphQL.class.getCanonicalName(),
                Var.class.getCanonicalName());
    }

    /** {@code cognito.schema}: a GraphQL schema file (SDL) every document is checked against. */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SchemaSource.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            reportStillUnresolved();
            return false;
        }
        Map<String, TypeElement> pending = new LinkedHashMap<>();
        for (String name : deferred) {
            Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
                    .ifPresent(type -> pending.put(name, type));
        }
        deferred.clear();
        TypeElement cognitoSecured = processingEnv.getElementUtils()
                .getTypeElement(CognitoSecured.class.getCanonicalName());
        if (cognitoSecured != null) {
            for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(cognitoSecured))) {
                pending.putIfAbsent(type.getQualifiedName().toString(), type);
            }
        }
        pending.values().forEach(this::process);
        return true;
    }

    /** Checks one interface and, if it has no errors, writes its client. */
    private void process(TypeElement type) {
        int errorsBefore = diagnostics.errorCount();
        try {
            AnnotationMirror annotation = InterfaceParser.cognitoSecured(type);
            if (!validator.checkDeclaration(type, annotation)) {
                return;
            }
            if (parser.unresolvedType(type).isPresent()) {
                deferred.add(type.getQualifiedName().toString());
                return;
            }
            ClientModel model = parser.parse(type, annotation);
            validator.check(model);
            if (diagnostics.errorCount() == errorsBefore) {
                schemas.schemaFor(type, annotation).ifPresent(schema -> schemaChecker.check(model, schema));
            }
            if (diagnostics.errorCount() == errorsBefore) {
                writer.write(model);
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.unexpected(type, e);
        }
    }

    private void reportStillUnresolved() {
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                String unresolved = parser.unresolvedType(type).map(TypeMirror::toString).orElse("(unknown)");
                diagnostics.report(Message.UNRESOLVED_TYPE, type, type.getSimpleName(), unresolved);
            }
        }
        deferred.clear();
    }
}
