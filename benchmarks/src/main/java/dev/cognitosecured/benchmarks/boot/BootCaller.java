package dev.cognitosecured.benchmarks.boot;

import jakarta.enterprise.context.Dependent;
import java.util.Map;

/**
 * What the hand-written clients of the boot benchmark inject in place of the library's
 * {@code SecuredCaller}. The benchmark only starts the container, so nothing is ever sent.
 */
@Dependent
public class BootCaller {

    /** Would send {@code document}; the boot benchmark never calls it. */
    public <T> T call(String document, Map<String, Object> variables) {
        throw new IllegalStateException("the boot benchmark sends no request");
    }
}
