package dev.cognitosecured.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs a {@link CognitoSecuredProcessor} with a filer that records the name of every file it creates,
 * so tests can tell what it wrote even when the compilation failed.
 */
final class RecordingProcessor extends AbstractProcessor {

    private final CognitoSecuredProcessor processor = new CognitoSecuredProcessor();
    private final List<String> created = new ArrayList<>();

    /** The names of the source files and resources created, in order. */
    List<String> created() {
        return List.copyOf(created);
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        super.init(environment);
        Filer filer = environment.getFiler();
        Filer recording = proxy(Filer.class, (method, args) -> {
            if (method.getName().startsWith("create")) {
                created.add(String.valueOf(args[method.getName().equals("createResource") ? 2 : 0]));
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
