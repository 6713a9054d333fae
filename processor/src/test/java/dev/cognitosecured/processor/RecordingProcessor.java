package dev.cognitosecured.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Runs a {@link CognitoSecuredProcessor} with a filer that records every file it creates, with the
 * originating elements it names, so tests can tell what it wrote even when the compilation failed,
 * and check what Gradle's incremental compilation relies on.
 */
final class RecordingProcessor extends AbstractProcessor {

    /**
     * One file created through the {@link Filer}.
     *
     * @param method the {@code Filer} method: {@code createSourceFile}, {@code createClassFile} or
     *     {@code createResource}
     * @param name the type's name, or the resource's relative name
     * @param location the resource's location; for types, where javac puts them
     * @param originatingTypes the top-level types enclosing the originating elements, as Gradle's
     *     isolating strategy counts them (a nested interface counts as its top-level type)
     * @param originatingElements how many originating elements were named
     */
    record Created(String method, String name, String location, Set<String> originatingTypes,
            int originatingElements) {
    }

    private final CognitoSecuredProcessor processor = new CognitoSecuredProcessor();
    private final List<Created> created = new ArrayList<>();

    /** The names of the source files and resources created, in order. */
    List<String> created() {
        return created.stream().map(Created::name).toList();
    }

    /** The files created, in order. */
    List<Created> createdFiles() {
        return List.copyOf(created);
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        super.init(environment);
        Filer filer = environment.getFiler();
        Filer recording = proxy(Filer.class, (method, args) -> {
            if (method.getName().startsWith("create")) {
                created.add(record(method.getName(), args));
            }
            return invoke(method, filer, args);
        });
        processor.init(proxy(ProcessingEnvironment.class, (method, args) ->
                method.getName().equals("getFiler") ? recording : invoke(method, environment, args)));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return processor.process(annotations, round);
    }

    private static Created record(String method, Object[] args) {
        boolean resource = method.equals("createResource");
        Element[] originating = (Element[]) args[resource ? 3 : 1];
        Set<String> topLevel = new LinkedHashSet<>();
        for (Element element : originating == null ? new Element[0] : originating) {
            topLevel.add(topLevelType(element));
        }
        String location = resource ? String.valueOf(args[0]) : method.equals("createSourceFile")
                ? StandardLocation.SOURCE_OUTPUT.getName() : StandardLocation.CLASS_OUTPUT.getName();
        String name = resource ? args[1] + (args[1].toString().isEmpty() ? "" : "/") + args[2]
                : String.valueOf(args[0]);
        return new Created(method, name, location, topLevel, originating == null ? 0 : originating.length);
    }

    /** The qualified name of the top-level type that encloses the element (or the element's package). */
    private static String topLevelType(Element element) {
        Element current = element;
        while (current.getEnclosingElement() != null
                && current.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && current.getEnclosingElement().getKind() != ElementKind.MODULE) {
            current = current.getEnclosingElement();
        }
        return current instanceof TypeElement type ? type.getQualifiedName().toString() : current.toString();
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
