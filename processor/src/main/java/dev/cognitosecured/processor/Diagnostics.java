package dev.cognitosecured.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * The one place diagnostics are reported: on the exact element, annotation or annotation value at
 * fault. It counts errors, so the processor can tell whether an interface failed.
 */
final class Diagnostics {

    private final Messager messager;
    private int errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /** Reports on an element. */
    void report(Message message, Element element, Object... args) {
        print(message, element, null, null, args);
    }

    /** Reports on an annotation of an element. */
    void reportOnAnnotation(Message message, Element element, AnnotationMirror annotation, Object... args) {
        print(message, element, annotation, null, args);
    }

    /**
     * Reports on the member {@code member} of an annotation of an element, or on the annotation when
     * that member is not written out (its default is at fault).
     */
    void reportOnValue(Message message, Element element, AnnotationMirror annotation, String member,
            Object... args) {
        AnnotationValue value = null;
        for (var entry : annotation.getElementValues().entrySet()) {
            ExecutableElement key = entry.getKey();
            if (key.getSimpleName().contentEquals(member)) {
                value = entry.getValue();
            }
        }
        print(message, element, annotation, value, args);
    }

    /** Reports a failure of the processor itself, with its stack trace, on the element it was processing. */
    void unexpected(Element element, Exception failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        report(Message.PROCESSOR_ERROR, element, element.getSimpleName(), trace);
    }

    /** The number of errors reported so far. */
    int errorCount() {
        return errors;
    }

    private void print(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
        messager.printMessage(message.kind(), message.format(args), element, annotation, value);
    }
}
